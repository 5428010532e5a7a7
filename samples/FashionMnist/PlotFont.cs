using SkiaSharp;

namespace FashionMnist;

/// <summary>The sans-serif family for the pictures: the first of a few common ones that is installed, else the system default.</summary>
public static class PlotFont
{
    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];

    /// <summary>The family name, such as <c>DejaVu Sans</c>.</summary>
    public static string Family { get; } = Resolve();

    private static string Resolve()
    {
        foreach (string family in Preferred)
        {
            using SKTypeface? typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface is not null)
                return typeface.FamilyName;
        }
        return ScottPlot.Fonts.Default;
    }
}
