using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SkiaSharp;

namespace FashionMnist;

/// <summary>
/// The confusion matrix as a picture: one row per true class and one column per predicted class, each cell with its count
/// and shaded by its share of the row; each row's recall (the share classified correctly) at its right.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>The side of a cell, in pixels.</summary>
    public const int Cell = 72;

    /// <summary>The left edge of the grid: after the margin and the row names.</summary>
    public const int GridLeft = Padding + RowLabelWidth;

    /// <summary>The top edge of the grid: below the title.</summary>
    public const int GridTop = TitleHeight;

    private const int Padding = 16;
    private const int TitleHeight = 64;
    private const int RowLabelWidth = 150;
    private const int ColumnLabelHeight = 92;
    private const int RecallWidth = 80;
    private const float TitleSize = 20;
    private const float LabelSize = 15;
    private const float CountSize = 16;
    private static readonly SKColor Shade = new(0x1F, 0x5A, 0x9E);

    /// <summary>Writes <paramref name="confusion"/> with the class <paramref name="names"/> as a PNG; <paramref name="title"/> heads it.</summary>
    public static void Save(string path, ConfusionMatrix confusion, IReadOnlyList<string> names, string title)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(confusion);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(title);
        if (names.Count != confusion.Classes)
            throw new ArgumentException($"{names.Count} class names for {confusion.Classes} classes.", nameof(names));

        int classes = confusion.Classes;
        int gridLeft = GridLeft;
        int gridTop = GridTop;
        int grid = classes * Cell;
        var (width, height) = Size(classes);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = SKTypeface.FromFamilyName(PlotFont.Family);
        using var titleFont = new SKFont(typeface, TitleSize) { Embolden = true };
        using var labelFont = new SKFont(typeface, LabelSize);
        using var axisFont = new SKFont(typeface, LabelSize) { Embolden = true };
        using var countFont = new SKFont(typeface, CountSize);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var lightInk = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var faintInk = new SKPaint { Color = new SKColor(0xB0, 0xB0, 0xB0), IsAntialias = true };
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        using var border = new SKPaint { Color = new SKColor(0xD0, 0xD0, 0xD0), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };

        canvas.DrawText(title, Padding, 30, SKTextAlign.Left, titleFont, ink);
        canvas.DrawText("Rows: true class; columns: predicted class; shading: share of the row.", Padding, 52, SKTextAlign.Left, labelFont, ink);

        for (int actual = 0; actual < classes; actual++)
        {
            int rowTotal = confusion.ActualCount(actual);
            float top = gridTop + actual * Cell;
            float middle = top + Cell / 2f + CountSize / 3f;
            canvas.DrawText(names[actual], gridLeft - 10, middle, SKTextAlign.Right, labelFont, ink);
            for (int predicted = 0; predicted < classes; predicted++)
            {
                int count = confusion.Count(actual, predicted);
                double share = rowTotal == 0 ? 0 : (double)count / rowTotal;
                // √share keeps the few-percent confusions visible next to a diagonal near 100%.
                double intensity = Math.Sqrt(share);
                var cell = SKRect.Create(gridLeft + predicted * Cell, top, Cell, Cell);
                fill.Color = Blend(intensity);
                canvas.DrawRect(cell, fill);
                canvas.DrawRect(cell, border);
                SKPaint text = count == 0 ? faintInk : intensity > 0.6 ? lightInk : ink;
                canvas.DrawText(count.ToString(CultureInfo.InvariantCulture), cell.MidX, middle, SKTextAlign.Center, countFont, text);
            }
            string recall = rowTotal == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * confusion.Count(actual, actual) / rowTotal:F1}%");
            canvas.DrawText(recall, gridLeft + grid + RecallWidth - 8, middle, SKTextAlign.Right, labelFont, ink);
        }
        canvas.DrawText("recall", gridLeft + grid + RecallWidth - 8, gridTop - 8, SKTextAlign.Right, axisFont, ink);

        // Column names, slanted so that long names fit under narrow columns.
        for (int predicted = 0; predicted < classes; predicted++)
        {
            canvas.Save();
            canvas.Translate(gridLeft + predicted * Cell + Cell / 2f + LabelSize / 3f, gridTop + grid + 10);
            canvas.RotateDegrees(-40);
            canvas.DrawText(names[predicted], 0, 0, SKTextAlign.Right, labelFont, ink);
            canvas.Restore();
        }
        canvas.DrawText("predicted class", gridLeft + grid / 2f, height - Padding, SKTextAlign.Center, axisFont, ink);
        canvas.Save();
        canvas.Translate(Padding + LabelSize, gridTop + grid / 2f);
        canvas.RotateDegrees(-90);
        canvas.DrawText("true class", 0, 0, SKTextAlign.Center, axisFont, ink);
        canvas.Restore();

        using SKImage image = surface.Snapshot();
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    /// <summary>The picture's width and height for <paramref name="classes"/> classes.</summary>
    public static (int Width, int Height) Size(int classes) =>
        (GridLeft + classes * Cell + RecallWidth + Padding, GridTop + classes * Cell + ColumnLabelHeight + Padding);

    private static SKColor Blend(double intensity)
    {
        byte Channel(byte full) => (byte)Math.Round(255 - (255 - full) * intensity);
        return new SKColor(Channel(Shade.Red), Channel(Shade.Green), Channel(Shade.Blue));
    }
}
