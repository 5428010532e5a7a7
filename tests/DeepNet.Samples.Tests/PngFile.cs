using SkiaSharp;

namespace DeepNet.Samples.Tests;

/// <summary>Reads back a PNG the sample wrote.</summary>
internal static class PngFile
{
    /// <summary>Decodes the file; fails the test when it is not a PNG.</summary>
    public static SKBitmap Decode(string path)
    {
        using var codec = SKCodec.Create(path);
        Assert.NotNull(codec);
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        return SKBitmap.Decode(path);
    }

    /// <summary>The number of dark pixels (text and curves, not background or light grid lines) in the rectangle [left, right) × [top, bottom).</summary>
    public static int DarkPixels(SKBitmap bitmap, int left, int top, int right, int bottom)
    {
        int count = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = left; x < right; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128)
                    count++;
            }
        }
        return count;
    }
}
