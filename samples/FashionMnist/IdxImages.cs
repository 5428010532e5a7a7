using System;

namespace FashionMnist;

/// <summary>The contents of an IDX image file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> grey levels.</summary>
/// <param name="Count">The number of images.</param>
/// <param name="Rows">The height of each image.</param>
/// <param name="Columns">The width of each image.</param>
/// <param name="Pixels">Count × Rows × Columns bytes: image after image, each row after row (0 = background, 255 = ink).</param>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels)
{
    /// <summary>Rows × Columns: the pixels of one image.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>The pixels of image <paramref name="index"/>, row after row.</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(checked(index * PixelsPerImage), PixelsPerImage);
}
