using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DeepNet.Gen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepNet.Gen;

public sealed partial class NetworkGenerator
{
    /// <summary>Turns one [Network] type into a <see cref="NetworkSpec"/> or the diagnostics that say why it cannot be generated.</summary>
    internal static class Parser
    {
        /// <summary>The largest array .NET allocates (Array.MaxLength).</summary>
        private const long MaxArrayLength = 0x7FFFFFC7;

        private static readonly Dictionary<string, ActivationKind> ActivationsByName = new(StringComparer.OrdinalIgnoreCase)
        {
            ["relu"] = ActivationKind.Relu,
            ["leaky_relu"] = ActivationKind.LeakyRelu,
            ["tanh"] = ActivationKind.Tanh,
            ["sigmoid"] = ActivationKind.Sigmoid,
            ["linear"] = ActivationKind.Linear,
            ["softmax"] = ActivationKind.Softmax,
        };

        private static readonly Dictionary<string, ActivationKind> HiddenActivationsByName = ActivationsByName
            .Where(pair => pair.Value != ActivationKind.Softmax)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);

        /// <summary>Output activations and, with them, the cost: binary cross-entropy, categorical cross-entropy, mean squared error.</summary>
        private static readonly ActivationKind[] OutputActivations = { ActivationKind.Sigmoid, ActivationKind.Softmax, ActivationKind.Linear };

        private static readonly ParseResult Nothing = new(null, EquatableArray<DiagnosticInfo>.Empty);

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            // [Network] on a struct, interface or enum is already the compiler's error CS0592.
            if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || context.TargetNode is not TypeDeclarationSyntax declaration)
                return Nothing;
            // Half-typed code (a nameless class, an attribute the compiler could not bind, a misspelt named argument,
            // [Network] twice) already has the compiler's own error; adding ours would only be a cascade.
            if (declaration.Identifier.IsMissing || context.Attributes.Length != 1 || CountNetworkAttributes(type) != 1)
                return Nothing;
            AttributeData attribute = context.Attributes[0];
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1
                || HasErrors(attribute.ConstructorArguments[0]) || attribute.NamedArguments.Any(a => HasErrors(a.Value))
                || NamedArgumentCount(attributeSyntax) != attribute.NamedArguments.Length
                || attribute.NamedArguments.Select(a => a.Key).Distinct().Count() != attribute.NamedArguments.Length
                || HasMalformedArguments(attributeSyntax))
                return Nothing;

            Location attributeLocation = attributeSyntax?.GetLocation() ?? declaration.Identifier.GetLocation();
            var diagnostics = new List<DiagnosticInfo>();

            ValidateTypeShape(type, declaration, diagnostics);
            int[] sizes = ParseLayerSizes(type, attribute.ConstructorArguments[0], attributeSyntax, attributeLocation, diagnostics);

            ActivationKind[] activations = ParseActivations(attribute, attributeSyntax, attributeLocation, sizes, diagnostics, out bool perLayer);
            string elementType = ParsePrecision(attribute, attributeSyntax, attributeLocation, diagnostics);

            if (sizes.Length >= 2)
                ValidateMemberNames(type, declaration.Identifier.GetLocation(), sizes.Length - 1, sizes[sizes.Length - 1], diagnostics, cancellationToken);

            if (diagnostics.Count > 0)
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));

            bool inlineArrays = ((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp12;
            var spec = new NetworkSpec(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
                ContainingTypes: ContainingTypes(declaration),
                Keyword: Keyword(declaration),
                TypeName: type.Name,
                LayerSizes: new EquatableArray<int>(sizes),
                Activations: new EquatableArray<ActivationKind>(activations),
                ElementType: elementType,
                SupportsInlineArrays: inlineArrays,
                AttributeText: AttributeText(sizes, activations, perLayer, elementType));
            return new ParseResult(spec, EquatableArray<DiagnosticInfo>.Empty);
        }

        private static int CountNetworkAttributes(INamedTypeSymbol type) =>
            type.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() == AttributeMetadataName);

        /// <summary>An argument still being typed (an open string, a missing comma) is the compiler's error, not ours.</summary>
        private static bool HasMalformedArguments(AttributeSyntax? syntax) =>
            syntax?.ArgumentList is { } list
            && (list.Arguments.Any(a => a.ContainsDiagnostics) || list.Arguments.GetSeparators().Any(s => s.IsMissing));

        private static int NamedArgumentCount(AttributeSyntax? syntax) =>
            syntax?.ArgumentList?.Arguments.Count(a => a.NameEquals is not null) ?? 0;

        private static bool HasErrors(TypedConstant constant) =>
            constant.Kind == TypedConstantKind.Error
            || (constant.Kind == TypedConstantKind.Array && !constant.IsNull && constant.Values.Any(HasErrors));

        private static void ValidateTypeShape(INamedTypeSymbol type, TypeDeclarationSyntax declaration, List<DiagnosticInfo> diagnostics)
        {
            Location location = declaration.Identifier.GetLocation();
            string name = type.Name;
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, location, name));
            if (type.IsStatic)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticClass, location, name));

            bool generic = false;
            bool fileLocal = false;
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            {
                generic |= t.IsGenericType;
                fileLocal |= t.IsFileLocal;
            }
            if (generic)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType, location, name));
            if (fileLocal)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalType, location, name));

            for (SyntaxNode? parent = declaration.Parent; parent is TypeDeclarationSyntax container; parent = parent.Parent)
            {
                if (!container.Modifiers.Any(SyntaxKind.PartialKeyword))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, location, name, container.Identifier.ValueText));
            }
        }

        private static int[] ParseLayerSizes(INamedTypeSymbol type, TypedConstant argument, AttributeSyntax? syntax, Location attributeLocation, List<DiagnosticInfo> diagnostics)
        {
            int[] sizes = argument.IsNull ? Array.Empty<int>() : argument.Values.Select(v => v.Value is int n ? n : 0).ToArray();
            List<AttributeArgumentSyntax> positional = syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList()
                ?? new List<AttributeArgumentSyntax>();

            if (sizes.Length < 2)
            {
                Location location = positional.Count > 0 ? positional[0].Expression.GetLocation() : attributeLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooFewLayerSizes, location, type.Name, sizes.Length.ToString(CultureInfo.InvariantCulture)));
                return sizes;
            }

            bool valid = true;
            for (int l = 0; l < sizes.Length; l++)
            {
                if (sizes[l] > 0)
                    continue;
                valid = false;
                // One argument per size when the sizes are listed; a single array argument otherwise.
                Location location = positional.Count == sizes.Length ? positional[l].Expression.GetLocation()
                    : positional.Count > 0 ? positional[0].Expression.GetLocation() : attributeLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveLayerSize, location,
                    l.ToString(CultureInfo.InvariantCulture), sizes[l].ToString(CultureInfo.InvariantCulture)));
            }
            if (!valid)
                return sizes;

            // decimal: hundreds of layers of int.MaxValue units cannot overflow it.
            decimal parameters = 0;
            for (int l = 1; l < sizes.Length; l++)
                parameters += (decimal)sizes[l] * sizes[l - 1] + sizes[l];
            if (parameters > MaxArrayLength)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooManyParameters, attributeLocation,
                    parameters.ToString("N0", CultureInfo.InvariantCulture), MaxArrayLength.ToString("N0", CultureInfo.InvariantCulture)));
            }
            return sizes;
        }

        /// <summary>
        /// g[1] … g[L]: from <c>Activations</c> when given (one name per layer), otherwise <c>Hidden</c> for layers 1 … L−1
        /// and <c>Output</c> for layer L. Softmax is output-only and needs nL ≥ 2; the output also fixes the cost.
        /// </summary>
        private static ActivationKind[] ParseActivations(AttributeData attribute, AttributeSyntax? syntax, Location fallback, int[] sizes, List<DiagnosticInfo> diagnostics, out bool perLayer)
        {
            int layers = Math.Max(sizes.Length - 1, 0);
            var result = new ActivationKind[layers];
            Location outputLocation;
            perLayer = TryGetNamedArray(attribute, "Activations", out string?[]? names) && names is not null;
            if (perLayer)
            {
                Location location = NamedArgumentLocation(syntax, "Activations") ?? fallback;
                outputLocation = location;
                if (sizes.Length >= 2 && names!.Length != layers)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ActivationCountMismatch, location,
                        names.Length.ToString(CultureInfo.InvariantCulture), layers.ToString(CultureInfo.InvariantCulture)));
                    return result;
                }
                for (int l = 0; l < names!.Length; l++)
                {
                    bool isOutput = l == names.Length - 1;
                    Location element = ArrayElementLocation(syntax, "Activations", l) ?? location;
                    if (isOutput)
                        outputLocation = element;
                    ActivationKind kind = ParseActivation(names[l], isOutput, $"layer {l + 1}", element, diagnostics);
                    if (l < layers)
                        result[l] = kind;
                }
            }
            else
            {
                ActivationKind hidden = TryGetNamedString(attribute, "Hidden", out string? hiddenName)
                    ? ParseActivation(hiddenName, isOutput: false, "hidden layers", NamedArgumentLocation(syntax, "Hidden") ?? fallback, diagnostics)
                    : ActivationKind.Relu;
                outputLocation = NamedArgumentLocation(syntax, "Output") ?? fallback;
                ActivationKind output = TryGetNamedString(attribute, "Output", out string? outputName)
                    ? ParseActivation(outputName, isOutput: true, "the output layer", outputLocation, diagnostics)
                    : ActivationKind.Sigmoid;
                for (int l = 0; l < layers; l++)
                    result[l] = l == layers - 1 ? output : hidden;
            }

            if (layers >= 1 && result[layers - 1] == ActivationKind.Softmax && sizes[layers] < 2)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxNeedsTwoOutputs, outputLocation, sizes[layers].ToString(CultureInfo.InvariantCulture)));
            return result;
        }

        private static ActivationKind ParseActivation(string? name, bool isOutput, string role, Location location, List<DiagnosticInfo> diagnostics)
        {
            if (name is null || !ActivationsByName.TryGetValue(name, out ActivationKind kind))
            {
                string expected = isOutput ? string.Join(", ", OutputActivations.Select(NameOf)) : string.Join(", ", HiddenActivationsByName.Keys);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownActivation, location, name ?? "null", role, expected));
                return isOutput ? ActivationKind.Sigmoid : ActivationKind.Relu;
            }
            if (isOutput && Array.IndexOf(OutputActivations, kind) < 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedOutputActivation, location, name, string.Join(", ", OutputActivations.Select(NameOf))));
            if (!isOutput && kind == ActivationKind.Softmax)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxNotOutput, location, role));
            return kind;
        }

        private static string ParsePrecision(AttributeData attribute, AttributeSyntax? syntax, Location fallback, List<DiagnosticInfo> diagnostics)
        {
            if (!TryGetNamedString(attribute, "Precision", out string? name))
                return "double";
            if (string.Equals(name, "double", StringComparison.OrdinalIgnoreCase))
                return "double";
            if (string.Equals(name, "float", StringComparison.OrdinalIgnoreCase))
                return "float";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownPrecision, NamedArgumentLocation(syntax, "Precision") ?? fallback, name ?? "null"));
            return "double";
        }

        private static void ValidateMemberNames(INamedTypeSymbol type, Location identifier, int layerCount, int outputSize, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            Dictionary<string, string> generated = GeneratedNames.For(layerCount, outputSize);
            // A type cannot hold a member of its own name (CS0542).
            if (generated.TryGetValue(type.Name, out string? clash))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameClash, identifier, type.Name, type.Name + " as its own name", clash));
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member.IsImplicitlyDeclared || !generated.TryGetValue(member.Name, out string? what))
                    continue;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameClash, member.Locations.FirstOrDefault(), type.Name, member.Name, what));
            }
            // An inherited member would be hidden by the generated one (CS0108); report it at the base list.
            for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
            {
                foreach (ISymbol member in baseType.GetMembers())
                {
                    if (member.IsImplicitlyDeclared || member.DeclaredAccessibility == Accessibility.Private || member is IMethodSymbol { MethodKind: MethodKind.Constructor }
                        || !generated.TryGetValue(member.Name, out string? what))
                        continue;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameClash, identifier, type.Name,
                        $"{member.Name} (inherited from {baseType.Name})", what));
                }
            }
        }

        private static bool TryGetNamedString(AttributeData attribute, string name, out string? value)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    value = argument.Value.Value as string;
                    return true;
                }
            }
            value = null;
            return false;
        }

        private static bool TryGetNamedArray(AttributeData attribute, string name, out string?[]? values)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    values = argument.Value.IsNull ? null : argument.Value.Values.Select(v => v.Value as string).ToArray();
                    return true;
                }
            }
            values = null;
            return false;
        }

        /// <summary>The location of element <paramref name="index"/> of an array written for a named argument, when it is written out.</summary>
        private static Location? ArrayElementLocation(AttributeSyntax? syntax, string name, int index)
        {
            ExpressionSyntax? expression = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;
            SeparatedSyntaxList<ExpressionSyntax>? elements = expression switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer?.Expressions,
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
                _ => null,
            };
            if (elements is { } list && index < list.Count)
                return list[index].GetLocation();
            if (expression is CollectionExpressionSyntax collection && index < collection.Elements.Count)
                return collection.Elements[index].GetLocation();
            return null;
        }

        private static Location? NamedArgumentLocation(AttributeSyntax? syntax, string name) =>
            syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation();

        private static EquatableArray<ContainingTypeSpec> ContainingTypes(TypeDeclarationSyntax declaration)
        {
            var containers = new List<ContainingTypeSpec>();
            for (SyntaxNode? parent = declaration.Parent; parent is TypeDeclarationSyntax container; parent = parent.Parent)
                containers.Insert(0, new ContainingTypeSpec(Keyword(container), container.Identifier.ValueText));
            return new EquatableArray<ContainingTypeSpec>(containers.ToArray());
        }

        private static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
        {
            RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => "struct",
            InterfaceDeclarationSyntax => "interface",
            _ => "class",
        };

        private static string AttributeText(int[] sizes, ActivationKind[] activations, bool perLayer, string elementType)
        {
            string text = $"[Network({string.Join(", ", sizes.Select(n => n.ToString(CultureInfo.InvariantCulture)))}";
            if (perLayer)
                text += $", Activations = new[] {{ {string.Join(", ", activations.Select(a => "\"" + NameOf(a) + "\""))} }}";
            else
                text += $", Hidden = \"{(activations.Length > 1 ? NameOf(activations[0]) : "relu")}\", Output = \"{NameOf(activations[activations.Length - 1])}\"";
            return (elementType == "double" ? text : text + $", Precision = \"{elementType}\"") + ")]";
        }

        internal static string NameOf(ActivationKind kind) => kind switch
        {
            ActivationKind.Relu => "relu",
            ActivationKind.LeakyRelu => "leaky_relu",
            ActivationKind.Tanh => "tanh",
            ActivationKind.Sigmoid => "sigmoid",
            ActivationKind.Softmax => "softmax",
            _ => "linear",
        };
    }
}
