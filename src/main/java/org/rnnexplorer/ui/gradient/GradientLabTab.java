package org.rnnexplorer.ui.gradient;

import javafx.scene.control.Tab;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/** The "Gradient lab" tab: the lab on the open model and input, built the first time the tab is shown. */
public final class GradientLabTab {
    private GradientLabTab() {
    }

    public static Tab of(GradientLabViewModel lab, TraceViewModel trace, DialogService dialogs) {
        Tab tab = new Tab("Gradient lab");
        tab.setId("lab-tab");
        tab.selectedProperty().addListener((o, a, on) -> {
            if (on) show(tab, lab, trace, dialogs);
        });
        trace.resultProperty().addListener((o, a, r) -> {
            if (tab.isSelected()) show(tab, lab, trace, dialogs);
        });
        return tab;
    }

    private static void show(Tab tab, GradientLabViewModel lab, TraceViewModel trace, DialogService dialogs) {
        if (tab.getContent() == null) tab.setContent(new GradientLabPane(lab, dialogs));
        TraceResult r = trace.result();
        if (r == null || r.steps() == 0) return;
        lab.show(r.model(), r.input().batch(), r.model().takesTokens() ? r.input().tokens() : null);
    }
}
