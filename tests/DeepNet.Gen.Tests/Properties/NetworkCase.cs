using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepNet.Gen.Tests.Properties;

/// <summary>
/// One piece of user code around <c>[Network]</c>, as the choices that decide what the generator must do with it.
/// <see cref="NetworkCaseWriter"/> turns it into source files and <see cref="NetworkCaseOracle"/> predicts the outcome.
/// </summary>
internal sealed record NetworkCase
{
    public required LanguageVersion Language { get; init; }

    /// <summary>Whether the first file starts with <c>#nullable disable</c>.</summary>
    public required bool NullableDisabled { get; init; }

    public required NamespaceStyle Namespace { get; init; }

    /// <summary>The types the network is nested in, outermost first.</summary>
    public required ImmutableArray<Container> Containers { get; init; }

    public required Target Target { get; init; }

    public required NetworkAttributeUsage Attribute { get; init; }

    /// <summary>A second partial declaration of the target in another file, or <c>null</c>.</summary>
    public required OtherPart? OtherPart { get; init; }

    /// <summary>Whether a valid sibling network is declared before the target in the same file.</summary>
    public required bool Sibling { get; init; }

    public required Defect Defect { get; init; }
}

internal enum NamespaceStyle { Global, Block, FileScoped, Nested, Verbatim }

internal enum ContainerKind { Class, StaticClass, Struct, Record, RecordStruct, Interface }

internal sealed record Container(ContainerKind Kind, string Name, bool Partial, bool Generic, bool FileLocal);

/// <summary>What the attribute is written on: only <see cref="Class"/> and <see cref="Record"/> are classes.</summary>
internal enum TargetKind { Class, Record, Struct, RecordStruct, Interface, Enum }

/// <summary>At most one of these: C# rejects combining them.</summary>
internal enum ClassShape { Plain, Static, Abstract, Sealed }

internal enum ExtraAttribute { None, Serializable, Obsolete, DebuggerDisplay, SameList }

internal sealed record Target
{
    public required TargetKind Kind { get; init; }
    public required string Name { get; init; }

    /// <summary>The accessibility modifiers as written (<c>""</c>, <c>"public"</c>, <c>"private protected"</c>, …).</summary>
    public required string Accessibility { get; init; }

    public required ClassShape Shape { get; init; }
    public required bool Partial { get; init; }
    public required bool Generic { get; init; }
    public required bool FileLocal { get; init; }

    /// <summary>A primary constructor <c>(int epochs)</c>: C# 12 on a class, C# 9 (positional) on a record.</summary>
    public required bool PrimaryConstructor { get; init; }

    public required BaseType Base { get; init; }
    public required UserMember? Member { get; init; }
    public required ExtraAttribute ExtraAttribute { get; init; }
    public required bool DocComment { get; init; }

    public bool IsClass => Kind is TargetKind.Class or TargetKind.Record;
}

internal enum BaseKind { None, Library, UserBase }

/// <summary>A base class: a library type, or a user class with one field named <paramref name="MemberName"/>.</summary>
internal sealed record BaseType(BaseKind Kind, string MemberName, string MemberAccessibility);

internal enum MemberKind { Property, Method, Field, NestedType, Constructor }

internal sealed record UserMember(MemberKind Kind, string Name);

internal sealed record OtherPart(UserMember? Member, bool RepeatsAttribute);

internal enum AttributeSpelling { Short, Suffixed, Qualified, GlobalQualified, Alias }

internal sealed record NetworkAttributeUsage(
    AttributeSpelling Spelling,
    LayerSizesArgument Sizes,
    ImmutableArray<NamedArgument> Named,
    bool Repeated);

/// <summary>How the layer sizes are written. The last five never bind (the compiler reports the argument).</summary>
internal enum SizesForm
{
    Listed, ArrayCreation, TypedArray, NamedArray, Null,
    StringArgument, DoubleArgument, NonConstant, MisspeltParameterName, EmptyArgument,
}

/// <summary>One layer size: its value and how it is written (<c>5</c>, <c>0x5</c>, <c>(4 + 1)</c>, <c>int.MaxValue</c>).</summary>
internal sealed record SizeValue(int Value, string Text);

internal sealed record LayerSizesArgument(SizesForm Form, ImmutableArray<SizeValue> Values)
{
    public bool Binds => Form is SizesForm.Listed or SizesForm.ArrayCreation or SizesForm.TypedArray or SizesForm.NamedArray or SizesForm.Null;
}

internal enum NamedProperty { Hidden, Output, Activations, Precision }

internal enum ValueProblem { None, WrongType }

/// <summary>
/// A named argument: <paramref name="NameText"/> may be misspelt; <paramref name="Value"/> is the string constant it
/// binds to, or <paramref name="Elements"/> the strings of an <c>Activations</c> array (<c>null</c>: no array).
/// </summary>
internal sealed record NamedArgument(NamedProperty Property, string NameText, string ValueText, string? Value, ValueProblem Problem, ImmutableArray<string>? Elements = null)
{
    public bool NameBinds => NameText == Property.ToString();
}

/// <summary>Compiler errors injected into otherwise well-formed code, as a user in the middle of typing makes them.</summary>
internal enum Defect
{
    None,

    // The compiler reports these away from every argument: the generator reads the attribute as if they were fixed.
    UnrelatedError, MissingClosingBrace, MissingClosingParen, MissingClosingBracket, MissingParenAndBracket,

    // The compiler reports these on an argument or on the target: the generator stays silent.
    UnterminatedString, MissingCommaBetweenNamedArguments, MissingTypeName,
}
