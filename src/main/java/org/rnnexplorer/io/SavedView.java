package org.rnnexplorer.io;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The window as a slide restores it: a {@link Session} (model, input, selection, sliders, what-ifs) and which tab and
 * side panel are in front, and whether the diagram shows the what-if trace. Tabs and panels are named by id strings
 * ({@code cell-tab}, {@code lab-tab}; {@code equations}, {@code gradient}) that the window resolves against the tabs
 * it has, so that a tab added later needs nothing here. Equal when the files would say the same: the model by its
 * canonical JSON ({@link SessionFile#fingerprint}), the series by value.
 *
 * @param session    what was on screen
 * @param tab        the main tab's id
 * @param panel      the cell tab's side panel, or null for whichever is in front
 * @param showWhatIf whether the diagram and equations show the what-if trace
 */
public record SavedView(Session session, String tab, String panel, boolean showWhatIf) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final String CELL_TAB = "cell-tab";

    public SavedView {
        if (session == null) throw new IllegalArgumentException("the view has no session");
        if (tab == null) tab = CELL_TAB;
        if (!isId(tab)) throw new IllegalArgumentException("tab id " + ModelFileReader.quoteShort(tab)
                + " is not 1 to 64 lower-case letters, digits and -");
        if (panel != null && !isId(panel)) throw new IllegalArgumentException("panel id "
                + ModelFileReader.quoteShort(panel) + " is not 1 to 64 lower-case letters, digits and -");
    }

    public static SavedView of(Session session) {
        return new SavedView(session, CELL_TAB, null, false);
    }

    static boolean isId(String s) {
        return ID.matcher(s).matches();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SavedView v)) return false;
        Session a = session, b = v.session;
        return tab.equals(v.tab) && Objects.equals(panel, v.panel) && showWhatIf == v.showWhatIf
                && Objects.equals(a.bundledModel(), b.bundledModel()) && Objects.equals(a.text(), b.text())
                && Arrays.deepEquals(a.series(), b.series()) && a.layer() == b.layer() && a.unit() == b.unit()
                && a.step() == b.step() && a.sliders().equals(b.sliders()) && a.clamps().equals(b.clamps())
                && (a.model() == b.model() || SessionFile.fingerprint(a.model()).equals(SessionFile.fingerprint(b.model())));
    }

    @Override
    public int hashCode() {
        Session s = session;
        return Objects.hash(tab, panel, showWhatIf, s.bundledModel(), s.text(), s.layer(), s.unit(), s.step(), s.sliders(),
                s.clamps());
    }
}
