using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepNet.Gen.Tests.Properties;

// Inside the namespace, so that it wins over the DeepNet.Gen namespace.
using Gen = CsCheck.Gen;

/// <summary>
/// CsCheck generators of plausible user code around [Network]. Weights favour code a user writes (small valid
/// networks in ordinary classes) and keep every mistake common enough to appear many times in 2,000 cases. Valid
/// networks stay small (sizes ≤ 64) so that compiling the generated code stays cheap, except for a few with a large
/// n0 or hundreds of layers.
/// </summary>
internal static class NetworkCaseGenerators
{
    private static readonly string[] KnownActivations = { "relu", "leaky_relu", "tanh", "sigmoid", "linear" };

    /// <summary>Member names that clash with a generated member for every network, or only for some layer counts (W2, b3, N4, Output).</summary>
    private static readonly string[] ClashingNames =
        { "Forward", "Predict", "Cache", "InputSize", "W1", "b1", "N0", "W2", "b3", "N4", "Output", "Parameters", "Input", "_parameters", "s_architecture" };

    /// <summary>Names close to generated ones that never clash (W0 and b0: weights start at layer 1).</summary>
    private static readonly string[] HarmlessNames = { "Epochs", "Describe", "Mode", "W0", "b0", "Weights", "N" };

    private static Gen<bool> Chance(int percent) => Gen.Int[0, 99].Select(n => n < percent);

    /// <summary>A value of <paramref name="gen"/> in <paramref name="percent"/>% of cases, <c>null</c> otherwise.</summary>
    private static Gen<T?> OrNull<T>(Gen<T> gen, int percent) where T : class =>
        Chance(percent).SelectMany(has => has ? gen.Select(value => (T?)value) : Gen.Const((T?)null));

    private static readonly Gen<ImmutableArray<Container>> Containers =
        Gen.Frequency((60, 0), (30, 1), (10, 2)).SelectMany(depth =>
            Gen.Select(
                Gen.Frequency((5, ContainerKind.Class), (1, ContainerKind.StaticClass), (1, ContainerKind.Struct), (1, ContainerKind.Record), (1, ContainerKind.RecordStruct), (1, ContainerKind.Interface)),
                Chance(92), Chance(3), Chance(4),
                (kind, partial, generic, fileLocal) => (kind, partial, generic, fileLocal))
            .Array[depth]
            .Select(levels => levels.Select((level, i) => new Container(
                    level.kind,
                    (level.kind == ContainerKind.Interface ? "I" : "") + (i == 0 ? "Outer" : "Inner"),
                    level.partial,
                    level.generic,
                    level.fileLocal && i == 0))
                .ToImmutableArray()));

    private static readonly Gen<UserMember> Member =
        Gen.Select(
            Gen.OneOf(MemberKind.Property, MemberKind.Method, MemberKind.Field, MemberKind.NestedType, MemberKind.Constructor),
            Gen.Frequency((1, Gen.OneOf(ClashingNames)), (3, Gen.OneOf(HarmlessNames))),
            (kind, name) => new UserMember(kind, name));

    private static readonly Gen<BaseType> Base =
        Gen.Frequency(
            (10, Gen.Const(new BaseType(BaseKind.None, "", ""))),
            (1, Gen.Const(new BaseType(BaseKind.Library, "", ""))),
            (2, Gen.Select(Gen.Frequency((1, Gen.OneOf(ClashingNames)), (1, Gen.OneOf(HarmlessNames))), Gen.OneOf("public", "protected", "private"),
                (name, access) => new BaseType(BaseKind.UserBase, name, access))));

    private static readonly Gen<Target> Target =
        from kind in Gen.Frequency((84, TargetKind.Class), (8, TargetKind.Record), (2, TargetKind.Struct), (2, TargetKind.RecordStruct), (2, TargetKind.Interface), (2, TargetKind.Enum))
        from name in Gen.Frequency(
            (30, "Net"), (15, "TinyNet"), (10, "CatClassifier"), (10, "Model"), (3, "W0"),
            (1, "Forward"), (1, "Cache"), (1, "W1"), (1, "N2"), (1, "Output"), (1, "Input"))
        from access in Gen.Frequency((6, "public"), (2, ""), (2, "internal"), (1, "private"), (1, "protected"), (1, "private protected"), (1, "protected internal"))
        from shape in Gen.Frequency((20, ClassShape.Plain), (1, ClassShape.Static), (1, ClassShape.Abstract), (1, ClassShape.Sealed))
        from partial in Chance(94)
        from generic in Chance(3)
        from fileLocal in Chance(3)
        from primaryConstructor in Chance(6)
        from baseType in Base
        from member in OrNull(Member, 30)
        from extra in Gen.Frequency((12, ExtraAttribute.None), (1, ExtraAttribute.Serializable), (1, ExtraAttribute.Obsolete), (1, ExtraAttribute.DebuggerDisplay), (1, ExtraAttribute.SameList))
        from doc in Chance(15)
        select new Target
        {
            Kind = kind, Name = name, Accessibility = access, Shape = shape, Partial = partial, Generic = generic,
            FileLocal = fileLocal, PrimaryConstructor = primaryConstructor, Base = baseType, Member = member,
            ExtraAttribute = extra, DocComment = doc,
        };

    private static readonly Gen<OtherPart> OtherPart =
        Gen.Select(
            OrNull(Member, 50),
            Chance(10),
            (member, repeats) => new OtherPart(member, repeats));

    // Layer sizes.

    /// <summary>2 … 6 sizes in 1 … 64; the output is often a single unit, as in binary classifiers.</summary>
    private static readonly Gen<int[]> SmallValid =
        from n in Gen.Frequency((3, 2), (4, 3), (3, 4), (1, 5), (1, 6))
        from sizes in Gen.Int[1, 64].Array[n]
        from binary in Chance(40)
        select binary ? sizes.Take(n - 1).Append(1).ToArray() : sizes;

    private static readonly Gen<int[]> LargeInput = Gen.Frequency(
        (4, from n0 in Gen.OneOf(12288, 100000) from hidden in Gen.Int[1, 64].Array[0, 2] from nL in Gen.Int[1, 4] select new[] { n0 }.Concat(hidden).Append(nL).ToArray()),
        (1, Gen.Const(new[] { 2147483590, 1 })));   // exactly Array.MaxLength parameters

    private static readonly Gen<int[]> ManyLayers = Gen.Int[100, 160].SelectMany(n => Gen.Int[1, 4].Array[n]);

    private static readonly Gen<int> NonPositive = Gen.Frequency((4, Gen.Const(0)), (3, Gen.Const(-1)), (2, Gen.Int[-64, -2]), (1, Gen.Const(int.MinValue)));

    private static Gen<int[]> WithNonPositive(Gen<int[]> sizes) =>
        from valid in sizes
        from count in Gen.Frequency((4, 1), (1, 2))
        from positions in Gen.Int[0, valid.Length - 1].Array[count]
        from values in NonPositive.Array[count]
        select Replace(valid, positions, values);

    private static readonly Gen<int[]> Overflowing = Gen.OneOf(
        new[] { int.MaxValue, 1 }, new[] { 1, 50000, 50000 }, new[] { int.MaxValue, int.MaxValue }, new[] { 100000, 100000, 1 },
        new[] { 2147483591, 1 }, new[] { 46341, 46341, 1 });

    private static readonly Gen<int[]> TooFew = Gen.Frequency((1, Gen.Const(Array.Empty<int>())), (2, Gen.Int[-3, 64].Array[1]));

    private static readonly Gen<int[]> Sizes = Gen.Frequency(
        (70, SmallValid), (3, LargeInput), (1, ManyLayers), (14, WithNonPositive(SmallValid)), (2, WithNonPositive(ManyLayers)),
        (4, Overflowing), (6, TooFew));

    /// <summary>How one size is written: mostly a plain literal, sometimes hexadecimal or a constant expression.</summary>
    private static SizeValue SizeText(int value, int style) => value switch
    {
        int.MaxValue => new SizeValue(value, style < 5 ? "int.MaxValue" : "2147483647"),
        int.MinValue => new SizeValue(value, style < 5 ? "int.MinValue" : "-2147483648"),
        >= 0 and < 1000000 when style == 8 => new SizeValue(value, "0x" + value.ToString("X", CultureInfo.InvariantCulture)),
        > int.MinValue and < 1000000 when style == 9 => new SizeValue(value, $"({value - 1} + 1)"),
        _ => new SizeValue(value, value.ToString(CultureInfo.InvariantCulture)),
    };

    private static readonly Gen<LayerSizesArgument> LayerSizes =
        from sizes in Sizes
        from styles in Gen.Int[0, 9].Array[sizes.Length]
        from form in Gen.Frequency(
            (40, SizesForm.Listed), (6, SizesForm.ArrayCreation), (3, SizesForm.TypedArray), (3, SizesForm.NamedArray), (2, SizesForm.Null),
            (1, SizesForm.StringArgument), (1, SizesForm.DoubleArgument), (1, SizesForm.NonConstant), (1, SizesForm.MisspeltParameterName), (1, SizesForm.EmptyArgument))
        select new LayerSizesArgument(form, sizes.Zip(styles, SizeText).ToImmutableArray());

    // Named arguments.

    /// <summary>Upper-cases the letters of <paramref name="name"/> picked by the bits of <paramref name="mask"/> (bit 8 set: unchanged).</summary>
    private static string Cased(string name, int mask) =>
        (mask & 256) != 0 ? name : new string(name.Select((ch, i) => ((mask >> (i % 8)) & 1) != 0 ? char.ToUpperInvariant(ch) : ch).ToArray());

    private static Gen<(string Text, string? Value, ValueProblem Problem)> StringValue(params string[] names) =>
        Gen.Select(Gen.OneOf(names), Gen.Int[0, 511], (name, mask) => Cased(name, mask))
            .Select(value => ($"\"{value}\"", (string?)value, ValueProblem.None));

    private static Gen<(string Text, string? Value, ValueProblem Problem)> Constant(string text, string value) =>
        Gen.Const((text, (string?)value, ValueProblem.None));

    private static readonly Gen<(string Text, string? Value, ValueProblem Problem)> NullValue = Gen.Const(("null", (string?)null, ValueProblem.None));

    private static readonly Gen<(string Text, string? Value, ValueProblem Problem)> WrongType =
        Gen.OneOf("3", "true", "'r'", "1.5").Select(text => (text, (string?)null, ValueProblem.WrongType));

    private static Gen<(string Text, string? Value, ValueProblem Problem)> ValueOf(NamedProperty property) => property switch
    {
        NamedProperty.Hidden => Gen.Frequency(
            (20, StringValue(KnownActivations)),
            (1, Constant("DeepNet.ActivationNames.Tanh", "tanh")),
            (1, Constant("\"ta\" + \"nh\"", "tanh")),
            (3, StringValue("rleu", "Relu ", "leaky-relu", "leakyrelu", "sigmiod", "", "gelu")),
            (1, StringValue("softmax")),
            (1, NullValue),
            (1, WrongType)),
        NamedProperty.Output => Gen.Frequency(
            (10, StringValue("sigmoid")),
            (1, Constant("DeepNet.ActivationNames.Sigmoid", "sigmoid")),
            (3, StringValue("softmax", "linear")),
            (2, StringValue("relu", "tanh", "leaky_relu")),
            (2, StringValue("sigmoid2", "soft_max", "")),
            (1, NullValue),
            (1, WrongType)),
        _ => Gen.Frequency(
            (16, StringValue("double", "float")),
            (1, Constant("DeepNet.PrecisionNames.Float", "float")),
            (3, StringValue("half", "decimal", "Double ", "f32", "")),
            (1, NullValue),
            (1, WrongType)),
    };

    private static Gen<string> NameOf(NamedProperty property) => Gen.Frequency(
        (40, Gen.Const(property.ToString())),
        (2, property switch
        {
            NamedProperty.Hidden => Gen.OneOf("Hiden", "hidden", "HiddenActivation"),
            NamedProperty.Output => Gen.OneOf("Outputs", "output"),
            NamedProperty.Activations => Gen.OneOf("activations", "Activation"),
            _ => Gen.OneOf("Precison", "precision"),
        }));

    private static Gen<NamedArgument> Named(NamedProperty property) =>
        Gen.Select(NameOf(property), ValueOf(property), (name, value) => new NamedArgument(property, name, value.Text, value.Value, value.Problem));

    private static Gen<NamedArgument?> Maybe(NamedProperty property, int percent) =>
        OrNull(Named(property), percent);

    private static readonly Gen<string> HiddenElement = Gen.Frequency(
        (20, Gen.OneOf(KnownActivations)), (1, Gen.Const("softmax")), (2, Gen.OneOf("rleu", "Tanh ", "swish")));

    private static readonly Gen<string> OutputElement = Gen.Frequency(
        (12, Gen.Const("sigmoid")), (3, Gen.OneOf("softmax", "linear")), (2, Gen.OneOf("relu", "tanh")), (1, Gen.OneOf("sigmiod", "")));

    /// <summary><c>Activations = new[] { … }</c> for <paramref name="layers"/> layers: usually one name per layer, sometimes one too many or too few, empty, null or a plain string.</summary>
    private static Gen<NamedArgument> ActivationsArgument(int layers) =>
        from name in NameOf(NamedProperty.Activations)
        from shape in Gen.Frequency((14, "exact"), (3, "off by one"), (1, "empty"), (1, "null"), (1, "string"))
        from delta in Gen.OneOf(-1, 1)
        from hidden in HiddenElement.Array[Math.Max(layers - 1, 0) + 1]
        from output in OutputElement
        from masks in Gen.Int[0, 511].Array[layers + 2]
        from typed in Chance(30)
        select ActivationsArgument(name, shape switch
        {
            "exact" => layers,
            "off by one" => Math.Max(layers + delta, 0),
            _ => 0,
        }, shape, hidden, output, masks, typed);

    private static NamedArgument ActivationsArgument(string name, int count, string shape, string[] hidden, string output, int[] masks, bool typed)
    {
        if (shape == "null")
            return new NamedArgument(NamedProperty.Activations, name, "null", null, ValueProblem.None);
        if (shape == "string")
            return new NamedArgument(NamedProperty.Activations, name, "\"relu\"", null, ValueProblem.WrongType);
        string[] elements = hidden.Take(Math.Max(count - 1, 0)).Concat(count > 0 ? new[] { output } : Array.Empty<string>())
            .Select((element, i) => Cased(element, masks[i])).ToArray();
        string text = elements.Length == 0 ? "new string[0]"
            : (typed ? "new string[] { " : "new[] { ") + string.Join(", ", elements.Select(e => $"\"{e}\"")) + " }";
        return new NamedArgument(NamedProperty.Activations, name, text, null, ValueProblem.None, elements.ToImmutableArray());
    }

    private static Gen<ImmutableArray<NamedArgument>> NamedArguments(int layers) =>
        from hidden in Maybe(NamedProperty.Hidden, 40)
        from output in Maybe(NamedProperty.Output, 30)
        from activations in OrNull(ActivationsArgument(layers), 10)
        from precision in Maybe(NamedProperty.Precision, 30)
        from duplicate in Chance(4)
        from order in Gen.Int[0, 7]
        select Arrange(new[] { hidden, output, activations, precision }.OfType<NamedArgument>().ToArray(), duplicate, order);

    private static ImmutableArray<NamedArgument> Arrange(NamedArgument[] named, bool duplicate, int order)
    {
        if (named.Length == 0)
            return ImmutableArray<NamedArgument>.Empty;
        // Rotated and optionally reversed.
        NamedArgument[] arranged = named.Skip(order % named.Length).Concat(named.Take(order % named.Length)).ToArray();
        if (order >= 4)
            Array.Reverse(arranged);
        if (duplicate)
            arranged = arranged.Append(arranged[0]).ToArray();
        return arranged.ToImmutableArray();
    }

    private static readonly Gen<NetworkAttributeUsage> Attribute =
        from spelling in Gen.Frequency((4, AttributeSpelling.Short), (1, AttributeSpelling.Suffixed), (3, AttributeSpelling.Qualified), (1, AttributeSpelling.GlobalQualified), (1, AttributeSpelling.Alias))
        from sizes in LayerSizes
        from named in NamedArguments(Math.Max(sizes.Values.Length - 1, 0))
        from repeated in Chance(3)
        select new NetworkAttributeUsage(spelling, sizes, named, repeated);

    // Declared last: static fields initialise in order, and this one reads all the others.
    public static readonly Gen<NetworkCase> Case =
        from language in Gen.OneOf(LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest)
        from nullableDisabled in Chance(15)
        from ns in Gen.Frequency((3, NamespaceStyle.Global), (3, NamespaceStyle.Block), (3, NamespaceStyle.FileScoped), (1, NamespaceStyle.Nested), (1, NamespaceStyle.Verbatim))
        from containers in Containers
        from target in Target
        from attribute in Attribute
        from otherPart in OrNull(OtherPart, 12)
        from sibling in Chance(10)
        from defect in Gen.Frequency(
            (72, Defect.None), (4, Defect.UnrelatedError), (4, Defect.MissingClosingBrace), (4, Defect.MissingClosingParen),
            (4, Defect.MissingClosingBracket), (3, Defect.MissingParenAndBracket), (3, Defect.UnterminatedString),
            (3, Defect.MissingCommaBetweenNamedArguments), (3, Defect.MissingTypeName))
        select Normalize(new NetworkCase
        {
            Language = language,
            NullableDisabled = nullableDisabled,
            Namespace = ns,
            Containers = containers,
            Target = target,
            Attribute = attribute,
            OtherPart = otherPart,
            Sibling = sibling,
            Defect = defect,
        });

    private static int[] Replace(int[] sizes, int[] positions, int[] values)
    {
        int[] copy = (int[])sizes.Clone();
        for (int i = 0; i < positions.Length; i++)
            copy[positions[i]] = values[i];
        return copy;
    }

    /// <summary>
    /// Removes combinations C# itself forbids for reasons unrelated to [Network] (a protected type in a struct, a static
    /// record, a split file-local type, …), so that every compiler error in a case is one the oracle predicts.
    /// </summary>
    private static NetworkCase Normalize(NetworkCase c)
    {
        Target t = c.Target;
        bool isClass = t.IsClass;
        bool nestedInClass = c.Containers.Length > 0 && c.Containers[^1].Kind is ContainerKind.Class or ContainerKind.Record;
        bool topLevel = c.Containers.Length == 0;

        string access = t.Accessibility;
        if (t.FileLocal && topLevel)
            access = "";
        else if (!nestedInClass && access is not ("" or "public" or "internal"))
            access = "public";

        ClassShape shape = t.Kind switch
        {
            TargetKind.Class => t.Shape,
            TargetKind.Record when t.Shape != ClassShape.Static => t.Shape,
            _ => ClassShape.Plain,
        };
        UserMember? member = isClass ? t.Member : null;
        bool primaryConstructor = isClass && t.PrimaryConstructor && c.Defect != Defect.MissingTypeName;
        if (member is { Kind: MemberKind.Constructor } && (primaryConstructor || c.Defect == Defect.MissingTypeName))
            member = member with { Kind = MemberKind.Property };
        if (member is not null && (member.Name == t.Name || (primaryConstructor && t.Kind == TargetKind.Record && member.Name == "Epochs")))
            member = null;
        if (shape == ClassShape.Static)
            primaryConstructor = false;

        t = t with
        {
            Accessibility = access,
            Shape = shape,
            Partial = t.Kind != TargetKind.Enum && t.Partial,
            Generic = t.Kind != TargetKind.Enum && t.Generic && c.Defect != Defect.MissingTypeName,
            FileLocal = t.FileLocal && topLevel,
            PrimaryConstructor = primaryConstructor,
            Base = t.Kind == TargetKind.Class && shape != ClassShape.Static ? t.Base : new BaseType(BaseKind.None, "", ""),
            Member = member,
        };

        OtherPart? other = c.OtherPart;
        bool canSplit = isClass && t.Partial && !t.FileLocal && c.Containers.All(k => k.Partial && !k.FileLocal) && c.Defect != Defect.MissingTypeName;
        if (!canSplit)
            other = null;
        else if (other?.Member is { } otherMember
                 && (otherMember.Name == t.Name || otherMember.Name == t.Member?.Name || otherMember.Kind == MemberKind.Constructor
                     || (t.PrimaryConstructor && t.Kind == TargetKind.Record && otherMember.Name == "Epochs")))
            other = other with { Member = null };

        NetworkAttributeUsage attribute = c.Attribute;
        LayerSizesArgument sizes = attribute.Sizes;
        if (sizes.Form == SizesForm.Null)
            sizes = sizes with { Values = ImmutableArray<SizeValue>.Empty };
        else if (!sizes.Binds && sizes.Values.Length == 0)
            sizes = sizes with { Values = ImmutableArray.Create(new SizeValue(5, "5"), new SizeValue(1, "1")) };
        attribute = attribute with { Sizes = sizes };

        Defect defect = c.Defect switch
        {
            Defect.MissingClosingParen or Defect.MissingParenAndBracket when !NetworkCaseWriter.HasArgumentList(attribute) => Defect.None,
            Defect.UnterminatedString when attribute.Named.Length == 0 || !IsPlainStringLiteral(attribute.Named[^1].ValueText) => Defect.None,
            Defect.MissingCommaBetweenNamedArguments when attribute.Named.Length < 2 => Defect.None,
            // 'record' with no name after it reads as something else altogether.
            Defect.MissingTypeName when t.Kind is TargetKind.Record or TargetKind.RecordStruct => Defect.None,
            // An attribute list left open reads a following 'file' or '[' as more attributes: the declaration itself changes.
            Defect.MissingClosingBracket or Defect.MissingParenAndBracket or Defect.UnterminatedString
                when attribute.Repeated || NetworkCaseWriter.DeclarationStartsWithContextualKeyword(t) => Defect.None,
            _ => c.Defect,
        };

        return c with { Target = t, OtherPart = other, Attribute = attribute, Defect = defect };
    }

    private static bool IsPlainStringLiteral(string text) =>
        text.Length >= 3 && text[0] == '"' && text[^1] == '"' && text.IndexOf('"', 1) == text.Length - 1;
}
