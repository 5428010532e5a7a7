using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SkiaSharp;

namespace CatClassifier;

/// <summary>
/// The notebook's <c>print_mislabeled_images</c>: the test images a model got wrong, in a grid, each titled with its
/// prediction and its true class.
/// </summary>
public static class MislabelledImagesPlot
{
    public const int Columns = 5;
    public const int Scale = 3;
    private const int Padding = 14;
    private const int CaptionHeight = 62;
    private const int HeaderHeight = 44;
    private const float CaptionSize = 15;
    private const float HeaderSize = 19;

    /// <summary>Writes the grid of <paramref name="classification"/>'s mislabelled images of <paramref name="images"/> as a PNG.</summary>
    public static void Save(string path, CatModel model, CatImageSet images, Classification classification)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(classification);
        if (classification.Count != images.Count)
            throw new ArgumentException($"The classification covers {classification.Count} images; the set has {images.Count}.", nameof(classification));

        IReadOnlyList<int> wrong = classification.Mislabelled;
        int columns = Math.Clamp(wrong.Count, 1, Columns);
        int rows = Math.Max(1, (wrong.Count + Columns - 1) / Columns);
        int cellWidth = CatImageSet.Width * Scale + Padding;
        int cellHeight = CatImageSet.Height * Scale + CaptionHeight + Padding;
        int width = Math.Max(columns * cellWidth + Padding, 560);
        int height = HeaderHeight + (wrong.Count == 0 ? 0 : rows * cellHeight) + Padding;

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = SKTypeface.FromFamilyName(PlotFont.Family);
        using var headerFont = new SKFont(typeface, HeaderSize) { Embolden = true };
        using var captionFont = new SKFont(typeface, CaptionSize);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var wrongInk = new SKPaint { Color = new SKColor(0xC0, 0x1C, 0x1C), IsAntialias = true };

        string header = string.Create(CultureInfo.InvariantCulture,
            $"{model.Title}: {wrong.Count} of {images.Count} test images mislabelled");
        canvas.DrawText(header, Padding, HeaderHeight - 14, SKTextAlign.Left, headerFont, ink);

        for (int k = 0; k < wrong.Count; k++)
        {
            int index = wrong[k];
            float left = Padding + k % Columns * cellWidth;
            float top = HeaderHeight + k / Columns * cellHeight;
            float centre = left + CatImageSet.Width * Scale / 2f;
            canvas.DrawText($"Image {index}", centre, top + 16, SKTextAlign.Center, captionFont, ink);
            canvas.DrawText($"Prediction: {images.ClassName(classification.Predictions[index])}", centre, top + 35, SKTextAlign.Center, captionFont, wrongInk);
            canvas.DrawText($"Class: {images.ClassName(images.IsCat(index))}", centre, top + 54, SKTextAlign.Center, captionFont, ink);
            using SKImage image = ToImage(images.Image(index));
            var target = SKRect.Create(left, top + CaptionHeight, CatImageSet.Width * Scale, CatImageSet.Height * Scale);
            canvas.DrawImage(image, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        using SKImage snapshot = surface.Snapshot();
        using SKData png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    /// <summary>A 64 × 64 opaque image from 64 rows of 64 RGB pixels.</summary>
    private static SKImage ToImage(ReadOnlySpan<byte> rgb)
    {
        var rgba = new byte[CatImageSet.Height * CatImageSet.Width * 4];
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgba[q] = rgb[p];
            rgba[q + 1] = rgb[p + 1];
            rgba[q + 2] = rgb[p + 2];
            rgba[q + 3] = 255;
        }
        var info = new SKImageInfo(CatImageSet.Width, CatImageSet.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        return SKImage.FromPixelCopy(info, rgba);
    }
}
