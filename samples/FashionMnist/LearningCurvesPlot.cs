using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace FashionMnist;

/// <summary>
/// The learning curves, side by side: the training and test cost per epoch (from epoch 0, before training), and the
/// test accuracy per epoch (from epoch 1: the 10% of guessing would flatten the curve).
/// </summary>
public static class LearningCurvesPlot
{
    public const int Width = 1100;
    public const int Height = 460;

    /// <summary>Writes the curves of <paramref name="epochs"/> (epoch 0 first, then in order) as a PNG.</summary>
    public static void Save(string path, IReadOnlyList<EpochReport> epochs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(epochs);
        if (epochs.Count < 2 || epochs[0].Epoch != 0)
            throw new ArgumentException("The curves need epoch 0 and at least one trained epoch.", nameof(epochs));

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using (Plot cost = CostPlot(epochs))
            DrawPanel(surface.Canvas, cost, left: 0);
        using (Plot accuracy = AccuracyPlot(epochs))
            DrawPanel(surface.Canvas, accuracy, left: Width / 2);

        using SKImage image = surface.Snapshot();
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    /// <summary>Renders <paramref name="plot"/> on its own surface (a plot clears the canvas it renders on) and copies it into its half.</summary>
    private static void DrawPanel(SKCanvas canvas, Plot plot, int left)
    {
        using var panel = SKSurface.Create(new SKImageInfo(Width / 2, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        plot.Render(panel);
        using SKImage image = panel.Snapshot();
        canvas.DrawImage(image, left, 0);
    }

    private static Plot CostPlot(IReadOnlyList<EpochReport> epochs)
    {
        var plot = new Plot();
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        var training = plot.Add.Scatter(x, epochs.Select(e => e.TrainingCost).ToArray());
        training.LegendText = "training (mean over the epoch's mini-batches)";
        training.LineWidth = 2;
        training.MarkerSize = 6;
        var test = plot.Add.Scatter(x, epochs.Select(e => e.Test.Cost).ToArray());
        test.LegendText = "test";
        test.LineWidth = 2;
        test.MarkerSize = 6;
        double top = epochs.Max(e => Math.Max(e.TrainingCost, e.Test.Cost));
        Style(plot, "Cost: categorical cross-entropy (epoch 0: before training)", "cost", 0, epochs[^1].Epoch);
        plot.Axes.SetLimitsY(0, top * 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot AccuracyPlot(IReadOnlyList<EpochReport> epochs)
    {
        var plot = new Plot();
        EpochReport[] trained = epochs.Where(e => e.Epoch > 0).ToArray();
        double[] accuracy = trained.Select(e => e.TestAccuracy * 100).ToArray();
        var curve = plot.Add.Scatter(trained.Select(e => (double)e.Epoch).ToArray(), accuracy);
        curve.LegendText = string.Create(CultureInfo.InvariantCulture,
            $"test set (before training: {epochs[0].TestAccuracy * 100:F1}%, at the end: {accuracy[^1]:F2}%)");
        curve.LineWidth = 2;
        curve.MarkerSize = 6;
        curve.Color = Colors.C2;
        Style(plot, "Test accuracy", "accuracy (%)", 1, epochs[^1].Epoch);
        double low = accuracy.Min(), high = accuracy.Max();
        double margin = Math.Max(0.5, (high - low) * 0.15);
        plot.Axes.SetLimitsY(Math.Max(0, low - margin), Math.Min(100, high + margin));
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static void Style(Plot plot, string title, string yLabel, int firstEpoch, int lastEpoch)
    {
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsX(firstEpoch - 0.3, lastEpoch + 0.3);
        if (lastEpoch <= 20)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Font.Set(PlotFont.Family);
        plot.Legend.FontName = PlotFont.Family;
    }
}
