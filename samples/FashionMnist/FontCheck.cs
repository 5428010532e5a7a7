using SkiaSharp;

namespace FashionMnist;

/// <summary>SkiaSharp (and with it ScottPlot) silently draws no text when the machine has no font.</summary>
public static class FontCheck
{
    /// <summary>A warning to print when no font is installed, or null.</summary>
    public static string? Warning() =>
        SKFontManager.Default.FontFamilyCount > 0
            ? null
            : "Warning: no fonts are installed, so the PNG pictures will have no text. Install one, for example: apt-get install fonts-dejavu-core";
}
