namespace DeepNet.Gen.Model;

/// <summary>
/// Everything the emitter needs to write one network, and nothing else: names, the layer sizes n0 … nL, one
/// activation per layer 1 … L, and the element type. Compares by value, so unrelated edits leave it cached.
/// </summary>
/// <param name="Namespace">The namespace as C# writes it (keywords escaped with <c>@</c>), or empty for the global namespace.</param>
/// <param name="ContainingTypes">Types the network is nested in, outermost first.</param>
/// <param name="Keyword">The declaration keyword of the network type (<c>class</c> or <c>record</c>).</param>
/// <param name="TypeName">The network type's name, unescaped (the emitter escapes keywords).</param>
/// <param name="LayerSizes">n0 … nL.</param>
/// <param name="Activations">g[1] … g[L].</param>
/// <param name="ElementType"><c>double</c> or <c>float</c>.</param>
/// <param name="SupportsInlineArrays">Whether the language version allows <c>[InlineArray]</c> (C# 12), used for the fixed-size input type.</param>
/// <param name="AttributeText">The attribute as written after normalising, for the generated header.</param>
internal sealed record NetworkSpec(
    string Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Keyword,
    string TypeName,
    EquatableArray<int> LayerSizes,
    EquatableArray<ActivationKind> Activations,
    string ElementType,
    bool SupportsInlineArrays,
    string AttributeText)
{
    /// <summary>L.</summary>
    public int LayerCount => LayerSizes.Count - 1;

    /// <summary>A file name unique to this type in the compilation.</summary>
    public string HintName
    {
        get
        {
            var name = new System.Text.StringBuilder();
            if (Namespace.Length > 0)
                name.Append(Namespace.Replace("@", "")).Append('.');
            // '+' after a containing type, as the CLR names nested types: A.B+Net never meets namespace A.B's Net.
            foreach (ContainingTypeSpec type in ContainingTypes)
                name.Append(type.Name).Append('+');
            return name.Append(TypeName).Append(".g.cs").ToString();
        }
    }
}
