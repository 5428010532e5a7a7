using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepNet.Training;
using ScottPlot;

namespace CatClassifier;

/// <summary>The notebook's cost plot: the cost against iterations (in hundreds), titled with the learning rate.</summary>
public static class CostCurvePlot
{
    public const int Width = 800;
    public const int Height = 500;

    /// <summary>Writes the curve of <paramref name="costs"/> (in iteration order) as a PNG.</summary>
    public static void Save(string path, CatModel model, IReadOnlyList<TrainingProgress> costs, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count == 0)
            throw new ArgumentException("There is no cost to plot.", nameof(costs));

        var plot = new Plot();
        try
        {
            double[] hundreds = costs.Select(c => c.Iteration / 100.0).ToArray();
            double[] values = costs.Select(c => c.Cost).ToArray();
            var curve = plot.Add.ScatterLine(hundreds, values);
            curve.LineWidth = 1.5f;
            curve.LegendText = "cost";

            TrainingProgress[] printed = costs.Where(CourseLines.IsPrinted).ToArray();
            var marks = plot.Add.ScatterPoints(printed.Select(c => c.Iteration / 100.0).ToArray(), printed.Select(c => c.Cost).ToArray());
            marks.MarkerSize = 7;
            marks.LegendText = "printed every 100 iterations";

            plot.Title(string.Create(CultureInfo.InvariantCulture, $"{model.Title} {string.Join("-", model.Architecture.LayerSizes)}: learning rate = {learningRate}"));
            plot.XLabel("iterations (per hundreds)");
            plot.YLabel("cost");
            plot.Axes.SetLimits(0, Math.Max(hundreds[^1], 0.01), 0, values.Max() * 1.05);
            plot.ShowLegend(Alignment.LowerLeft);
            plot.Font.Set(PlotFont.Family);
            plot.Legend.FontName = PlotFont.Family;
            plot.SavePng(path, Width, Height);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
