package org.rnnexplorer.ui.explorer;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.diagram.CellDiagramView;
import org.rnnexplorer.ui.explorer.equations.EquationsPanel;
import org.rnnexplorer.ui.explorer.equations.EquationsViewModel;
import org.rnnexplorer.ui.explorer.heatmap.HeatmapZoomViewModel;
import org.rnnexplorer.ui.explorer.heatmap.HeatmapsPanel;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.whatif.WhatIfMenus;
import org.rnnexplorer.ui.explorer.whatif.WhatIfPanel;
import org.rnnexplorer.ui.explorer.whatif.WhatIfViewModel;
import org.rnnexplorer.ui.gradient.GradientPanel;
import org.rnnexplorer.ui.gradient.GradientPanelViewModel;

/**
 * The "Cell, step by step" tab: the cell diagram with the side panels beside it (Equations, What-if, Gradient) and
 * the heatmaps under both. A side panel is one {@link #side} line here.
 */
public final class CellTab extends SplitPane {
    private final CellDiagramView diagram = new CellDiagramView();
    private final TabPane sideTabs = new TabPane();
    private final SplitPane upper = new SplitPane();
    private final HeatmapsPanel heatmaps;

    public CellTab(TraceViewModel trace, ViewOptions view, EquationsViewModel equations, WhatIfViewModel whatIf,
                   GradientPanelViewModel gradient, HeatmapZoomViewModel zoom) {
        WhatIfMenus menus = new WhatIfMenus(trace, whatIf);
        diagram.bind(trace, view, menus);
        EquationsPanel equationsPanel = new EquationsPanel();
        equationsPanel.bind(equations);
        WhatIfPanel whatIfPanel = new WhatIfPanel();
        whatIfPanel.bind(trace, whatIf, view, menus);
        GradientPanel gradientPanel = new GradientPanel();
        gradientPanel.bind(gradient);
        heatmaps = new HeatmapsPanel();
        heatmaps.bind(trace, view, menus, zoom);

        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side("Equations", scrolling(equationsPanel));
        Tab whatIfTab = side("What-if", scrolling(whatIfPanel));
        Tab gradientTab = side("Gradient", gradientPanel);
        gradient.wantedProperty().bind(gradientTab.selectedProperty());
        // a new what-if brings its panel to the front (the Gradient panel stays: it draws the what-if too)
        trace.whatIfs().addListener((ListChangeListener<Intervention>) c -> {
            if (!trace.whatIfs().isEmpty() && !gradientTab.isSelected()) sideTabs.getSelectionModel().select(whatIfTab);
        });

        upper.getItems().addAll(diagram, sideTabs);
        upper.setDividerPositions(0.64);
        ScrollPane heatmapScroll = scrolling(heatmaps);
        heatmapScroll.getStyleClass().add("heatmap-scroll");
        setOrientation(Orientation.VERTICAL);
        getItems().addAll(upper, heatmapScroll);
        setDividerPositions(0.64);
    }

    /** Adds a side panel of another feature (e.g. Generate) after these, scrolling. */
    public Tab addSide(String title, Node content) {
        return side(title, scrolling(content));
    }

    private Tab side(String title, Node content) {
        Tab t = new Tab(title, content);
        sideTabs.getTabs().add(t);
        return t;
    }

    private static ScrollPane scrolling(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    /** The heatmaps under the diagram. */
    public HeatmapsPanel heatmaps() {
        return heatmaps;
    }

    public CellDiagramView diagram() {
        return diagram;
    }

    /** The side panels' tabs: Equations, What-if, Gradient, Generate. */
    public TabPane sideTabs() {
        return sideTabs;
    }
}
