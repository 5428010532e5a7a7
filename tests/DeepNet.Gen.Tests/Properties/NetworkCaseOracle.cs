using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepNet.Gen.Tests.Properties;

internal enum Outcome
{
    /// <summary>The generator emits the network; its code adds no warning or error to the compilation.</summary>
    Generated,

    /// <summary>The generator emits nothing and reports the predicted DNG diagnostics.</summary>
    Diagnosed,

    /// <summary>The compiler reports the attribute's argument or target; the generator reports and emits nothing.</summary>
    LeftToCompiler,
}

/// <param name="DiagnosticIds">The DNG ids the generator must report, sorted.</param>
/// <param name="CompilerErrorIds">The distinct error ids the input compilation must have, sorted (empty for well-formed code).</param>
/// <param name="OptionalCompilerErrorIds">Error ids the compiler may or may not add once an argument is already wrong.</param>
/// <param name="HintName">The generated file's name when <see cref="Outcome.Generated"/>.</param>
/// <param name="Header">The generated file's second line, which names the attribute as the generator read it.</param>
internal sealed record Expectation(
    Outcome Outcome,
    ImmutableArray<string> DiagnosticIds,
    ImmutableArray<string> CompilerErrorIds,
    ImmutableArray<string> OptionalCompilerErrorIds,
    string? HintName,
    string? Header);

/// <summary>
/// Predicts, from the choices in a <see cref="NetworkCase"/> alone, what the compiler and the generator must report.
/// It is written from the attribute's documented contract, not from the generator's code: where the two disagree the
/// property fails.
/// </summary>
internal static class NetworkCaseOracle
{
    /// <summary>Array.MaxLength: the most parameters one flat array holds.</summary>
    public const long MaxParameters = 0x7FFFFFC7;

    private static readonly string[] ActivationNames = { "relu", "leaky_relu", "tanh", "sigmoid", "linear", "softmax" };
    private static readonly string[] OutputActivationNames = { "sigmoid", "softmax", "linear" };
    private static readonly string[] PrecisionNames = { "double", "float" };

    /// <summary>Member names every network defines, whatever its layers.</summary>
    private static readonly string[] FixedMemberNames =
    {
        "InputSize", "OutputSize", "LayerCount", "ParameterCount", "Parameters", "Architecture",
        "InitializeParameters", "Cache", "Gradients", "Input", "CreateCache", "CreateGradients",
        "Forward", "ComputeCost", "Backward", "UpdateParameters", "Predict", "Classify",
        "ForwardCore", "BackwardCore", "ComputeCostCore", "UpdateParametersCore", "_parameters", "s_architecture",
    };

    public static Expectation Predict(NetworkCase c)
    {
        var required = new SortedSet<string>(StringComparer.Ordinal);
        var optional = new SortedSet<string>(StringComparer.Ordinal);
        bool leftToCompiler = AddAttributeErrors(c, required, optional);
        AddIndependentErrors(c, required);
        optional.ExceptWith(required);
        ImmutableArray<string> requiredIds = required.ToImmutableArray();
        ImmutableArray<string> optionalIds = optional.ToImmutableArray();

        if (leftToCompiler)
            return new Expectation(Outcome.LeftToCompiler, ImmutableArray<string>.Empty, requiredIds, optionalIds, null, null);

        List<string> ids = PredictDiagnostics(c);
        if (ids.Count > 0)
            return new Expectation(Outcome.Diagnosed, ids.OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray(), requiredIds, optionalIds, null, null);

        return new Expectation(Outcome.Generated, ImmutableArray<string>.Empty, requiredIds, optionalIds, HintName(c), Header(c));
    }

    /// <summary>
    /// Adds the errors the compiler reports on the arguments of [Network] or on its target, and returns whether there
    /// are any: then the generator must leave the attribute to the compiler.
    /// </summary>
    /// <remarks>
    /// Once one argument is wrong the compiler reports only some of the rest: after a syntax error in the argument list
    /// the other arguments' binding errors, and after any argument error the misplaced (CS0592) or repeated (CS0579)
    /// attribute, may be left out. Those go to <paramref name="optional"/>; the generator's outcome does not depend on them.
    /// </remarks>
    private static bool AddAttributeErrors(NetworkCase c, SortedSet<string> required, SortedSet<string> optional)
    {
        bool syntaxBroken = c.Attribute.Sizes.Form == SizesForm.EmptyArgument
            || c.Defect is Defect.MissingClosingParen or Defect.MissingParenAndBracket or Defect.UnterminatedString or Defect.MissingCommaBetweenNamedArguments;

        var syntaxErrors = new SortedSet<string>(StringComparer.Ordinal);
        syntaxErrors.UnionWith(c.Defect switch
        {
            Defect.UnterminatedString => new[] { "CS1010", "CS1026", "CS1003" },
            Defect.MissingCommaBetweenNamedArguments => new[] { "CS1003" },
            _ => Array.Empty<string>(),
        });
        if (c.Attribute.Sizes.Form == SizesForm.EmptyArgument)
            syntaxErrors.Add("CS1525");

        var bindingErrors = new SortedSet<string>(StringComparer.Ordinal);
        bindingErrors.UnionWith(c.Attribute.Sizes.Form switch
        {
            SizesForm.StringArgument or SizesForm.DoubleArgument => new[] { "CS1503" },
            SizesForm.NonConstant => new[] { "CS0182" },
            SizesForm.MisspeltParameterName => new[] { "CS1739" },
            _ => Array.Empty<string>(),
        });
        foreach (NamedArgument argument in c.Attribute.Named)
        {
            if (!argument.NameBinds)
                bindingErrors.Add("CS0246");
            else if (argument.Problem == ValueProblem.WrongType)
                bindingErrors.Add("CS0029");
        }
        if (c.Attribute.Named.GroupBy(n => n.NameText).Any(g => g.Count() > 1))
            bindingErrors.Add("CS0643");   // a named argument given twice (it still binds)

        required.UnionWith(syntaxErrors);
        (syntaxBroken ? optional : required).UnionWith(bindingErrors);

        bool repeated = c.Attribute.Repeated || c.OtherPart?.RepeatsAttribute == true;
        var usageErrors = new List<string>();
        if (!c.Target.IsClass)
            usageErrors.Add("CS0592");   // [Network] is valid on classes only
        if (repeated)
            usageErrors.Add("CS0579");   // [Network] may appear once
        bool wholeAndBound = !syntaxBroken && bindingErrors.All(id => id == "CS0643");
        (wholeAndBound ? required : optional).UnionWith(usageErrors);

        if (c.Defect == Defect.MissingTypeName)
            required.Add("CS1001");

        // A missing ')' alone leaves every argument readable: it is no argument error.
        return syntaxErrors.Count > 0 || bindingErrors.Count > 0 || usageErrors.Count > 0 || c.Defect == Defect.MissingTypeName;
    }

    /// <summary>Errors away from the attribute's arguments: the generator must read the attribute as if they were fixed.</summary>
    private static void AddIndependentErrors(NetworkCase c, SortedSet<string> errors)
    {
        if (c.Target.Kind == TargetKind.Interface && c.Target.ExtraAttribute is ExtraAttribute.Serializable or ExtraAttribute.SameList or ExtraAttribute.DebuggerDisplay)
            errors.Add("CS0592");   // [Serializable] and [DebuggerDisplay] are not valid on interfaces either
        bool fileLocal = c.Target.FileLocal || c.Containers.Any(k => k.FileLocal);
        if (fileLocal && c.Language < LanguageVersion.CSharp11)
            errors.Add("CS8936");   // file types need C# 11
        if (c.Target.PrimaryConstructor && c.Target.Kind == TargetKind.Class && c.Language < LanguageVersion.CSharp12)
            errors.Add(c.Language == LanguageVersion.CSharp10 ? "CS8936" : "CS9058");   // primary constructors on classes need C# 12
        errors.UnionWith(c.Defect switch
        {
            Defect.UnrelatedError => new[] { "CS0029" },
            Defect.MissingClosingBrace => new[] { "CS1513" },
            Defect.MissingClosingParen => new[] { "CS1026" },
            Defect.MissingClosingBracket => new[] { "CS1003" },
            Defect.MissingParenAndBracket => new[] { "CS1026", "CS1003" },
            _ => Array.Empty<string>(),
        });
    }

    private static List<string> PredictDiagnostics(NetworkCase c)
    {
        var ids = new List<string>();
        Target t = c.Target;
        if (!t.Partial)
            ids.Add("DNG005");
        if (t.Shape == ClassShape.Static)
            ids.Add("DNG006");
        if (t.Generic || c.Containers.Any(k => k.Generic))
            ids.Add("DNG007");
        if (t.FileLocal || c.Containers.Any(k => k.FileLocal))
            ids.Add("DNG009");
        ids.AddRange(c.Containers.Where(k => !k.Partial).Select(_ => "DNG008"));

        int[] sizes = c.Attribute.Sizes.Values.Select(v => v.Value).ToArray();
        if (sizes.Length < 2)
        {
            ids.Add("DNG001");
        }
        else if (sizes.Any(n => n <= 0))
        {
            ids.AddRange(sizes.Where(n => n <= 0).Select(_ => "DNG002"));
        }
        else if (ParameterCount(sizes) > MaxParameters)
        {
            ids.Add("DNG011");
        }

        PredictActivationDiagnostics(c, sizes, ids);
        foreach (NamedArgument argument in c.Attribute.Named)
        {
            if (argument.Property == NamedProperty.Precision && !IsOneOf(argument.Value, PrecisionNames))
                ids.Add("DNG012");
        }

        if (sizes.Length >= 2)
        {
            HashSet<string> generated = GeneratedMemberNames(sizes);
            if (generated.Contains(t.Name))
                ids.Add("DNG010");
            foreach (UserMember? member in new[] { t.Member, c.OtherPart?.Member })
            {
                if (member is not null && member.Kind != MemberKind.Constructor && generated.Contains(member.Name))
                    ids.Add("DNG010");
            }
            if (t.Base.Kind == BaseKind.UserBase && t.Base.MemberAccessibility != "private" && generated.Contains(t.Base.MemberName))
                ids.Add("DNG010");
        }
        return ids;
    }

    /// <summary>
    /// <c>Activations</c> (one name per layer) overrides <c>Hidden</c> and <c>Output</c>: its count must be L, hidden
    /// layers take any activation but softmax, the output sigmoid, softmax or linear, and softmax needs nL ≥ 2.
    /// </summary>
    private static void PredictActivationDiagnostics(NetworkCase c, int[] sizes, List<string> ids)
    {
        string? output;
        ImmutableArray<string>? perLayer = c.Attribute.Named.FirstOrDefault(n => n.Property == NamedProperty.Activations)?.Elements;
        if (perLayer is { } names)
        {
            if (sizes.Length >= 2 && names.Length != sizes.Length - 1)
            {
                ids.Add("DNG013");
                return;
            }
            for (int l = 0; l < names.Length - 1; l++)
                AddNameDiagnostics(names[l], isOutput: false, ids);
            output = names.Length > 0 ? names[^1] : null;
            if (output is not null)
                AddNameDiagnostics(output, isOutput: true, ids);
        }
        else
        {
            NamedArgument? hidden = c.Attribute.Named.FirstOrDefault(n => n.Property == NamedProperty.Hidden);
            if (hidden is not null)
                AddNameDiagnostics(hidden.Value, isOutput: false, ids);
            NamedArgument? outputArgument = c.Attribute.Named.FirstOrDefault(n => n.Property == NamedProperty.Output);
            if (outputArgument is not null)
                AddNameDiagnostics(outputArgument.Value, isOutput: true, ids);
            output = outputArgument?.Value;
        }
        if (sizes.Length >= 2 && string.Equals(output, "softmax", StringComparison.OrdinalIgnoreCase) && sizes[^1] < 2)
            ids.Add("DNG015");
    }

    private static void AddNameDiagnostics(string? name, bool isOutput, List<string> ids)
    {
        if (!IsOneOf(name, ActivationNames))
            ids.Add("DNG003");
        else if (isOutput && !IsOneOf(name, OutputActivationNames))
            ids.Add("DNG004");
        else if (!isOutput && string.Equals(name, "softmax", StringComparison.OrdinalIgnoreCase))
            ids.Add("DNG014");
    }

    /// <summary>The names a network of these layer sizes defines: the fixed members, N0…NL, W1…WL, b1…bL, and Output when nL &gt; 1.</summary>
    public static HashSet<string> GeneratedMemberNames(int[] sizes)
    {
        int layers = sizes.Length - 1;
        var names = new HashSet<string>(FixedMemberNames, StringComparer.Ordinal);
        for (int l = 0; l <= layers; l++)
            names.Add("N" + l.ToString(CultureInfo.InvariantCulture));
        for (int l = 1; l <= layers; l++)
        {
            names.Add("W" + l.ToString(CultureInfo.InvariantCulture));
            names.Add("b" + l.ToString(CultureInfo.InvariantCulture));
        }
        if (sizes[^1] > 1)
            names.Add("Output");
        return names;
    }

    public static decimal ParameterCount(int[] sizes)
    {
        decimal count = 0;
        for (int l = 1; l < sizes.Length; l++)
            count += (decimal)sizes[l] * sizes[l - 1] + sizes[l];
        return count;
    }

    private static bool IsOneOf(string? value, string[] names) =>
        value is not null && names.Contains(value, StringComparer.OrdinalIgnoreCase);

    private static string HintName(NetworkCase c)
    {
        // Namespace parts joined by '.', containing types followed by '+', as the CLR names nested types.
        string ns = NetworkCaseWriter.NamespaceName(c.Namespace);
        string containers = string.Concat(c.Containers.Select(k => k.Name + "+"));
        return (ns.Length > 0 ? ns + "." : "") + containers + c.Target.Name + ".g.cs";
    }

    /// <summary>
    /// The attribute as the generator must have read it: sizes, the activations in lower case (per layer when given so,
    /// otherwise Hidden, shown as relu when there is no hidden layer, and Output), and the precision when not double.
    /// </summary>
    private static string Header(NetworkCase c)
    {
        string? Named(NamedProperty property) =>
            c.Attribute.Named.FirstOrDefault(n => n.Property == property)?.Value?.ToLowerInvariant();

        int[] sizes = c.Attribute.Sizes.Values.Select(v => v.Value).ToArray();
        string attribute = "[Network(" + string.Join(", ", sizes.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        ImmutableArray<string>? perLayer = c.Attribute.Named.FirstOrDefault(n => n.Property == NamedProperty.Activations)?.Elements;
        if (perLayer is { } names)
            attribute += ", Activations = new[] { " + string.Join(", ", names.Select(n => $"\"{n.ToLowerInvariant()}\"")) + " }";
        else
            attribute += $", Hidden = \"{(sizes.Length > 2 ? Named(NamedProperty.Hidden) ?? "relu" : "relu")}\", Output = \"{Named(NamedProperty.Output) ?? "sigmoid"}\"";
        string precision = Named(NamedProperty.Precision) ?? "double";
        attribute += (precision == "double" ? "" : $", Precision = \"{precision}\"") + ")]";
        return $"// Generated by DeepNet.Gen from {attribute} on {c.Target.Name}.";
    }
}
