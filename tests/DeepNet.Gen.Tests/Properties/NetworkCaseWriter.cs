using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DeepNet.Gen.Tests.Properties;

/// <summary>
/// Writes a <see cref="NetworkCase"/> as C# source files: the target (with its namespace, containers, base class and
/// sibling) first, then the other partial declaration if any, then a file with an unrelated error if the defect asks for one.
/// </summary>
internal static class NetworkCaseWriter
{
    public const string BaseClassName = "NetBase";
    public const string SiblingName = "SiblingNet";
    public const string SiblingSizes = "3, 2, 1";

    public static string[] Write(NetworkCase c)
    {
        var sources = new List<string> { WriteMainFile(c) };
        if (c.OtherPart is not null)
            sources.Add(WriteOtherPart(c, c.OtherPart));
        if (c.Defect == Defect.UnrelatedError)
        {
            sources.Add("""
                namespace Unrelated
                {
                    public static class Broken
                    {
                        public static int Value() => "not a number";
                    }
                }
                """);
        }
        return sources.ToArray();
    }

    /// <summary>The namespace as the generator names it in hint names (<c>@</c> dropped), or empty for the global namespace.</summary>
    public static string NamespaceName(NamespaceStyle style) => style switch
    {
        NamespaceStyle.Global => "",
        NamespaceStyle.Verbatim => "event.Models",
        _ => "App.Models",
    };

    private static string WriteMainFile(NetworkCase c)
    {
        var w = new SourceBuilder();
        if (c.NullableDisabled)
            w.Line("#nullable disable");
        if (c.Attribute.Spelling is AttributeSpelling.Short or AttributeSpelling.Suffixed)
            w.Line("using DeepNet;");
        if (c.Attribute.Spelling == AttributeSpelling.Alias)
            w.Line("using Layers = DeepNet.NetworkAttribute;");
        w.Line();

        int namespaceDepth = OpenNamespace(w, c.Namespace);
        if (c.Target.Base.Kind == BaseKind.UserBase)
        {
            w.Line($"public class {BaseClassName}");
            w.Open();
            w.Line($"{c.Target.Base.MemberAccessibility} int {c.Target.Base.MemberName};");
            w.Close();
            w.Line();
        }
        if (c.Sibling)
        {
            w.Line($"[{AttributeName(c.Attribute.Spelling)}({SiblingSizes})]");
            w.Line($"public partial class {SiblingName} {{ }}");
            w.Line();
        }
        foreach (Container container in c.Containers)
        {
            w.Line(ContainerHeader(container));
            w.Open();
        }

        Target t = c.Target;
        if (t.DocComment)
            w.Line("/// <summary>A network declared by the user.</summary>");
        switch (t.ExtraAttribute)
        {
            case ExtraAttribute.Serializable:
                w.Line("[System.Serializable]");
                break;
            case ExtraAttribute.Obsolete:
                w.Line("[System.Obsolete(\"Use a newer network\")]");
                break;
            case ExtraAttribute.DebuggerDisplay:
                w.Line("[System.Diagnostics.DebuggerDisplay(\"{LayerCount} layers\")]");
                break;
        }
        w.Line(NetworkAttributeList(c));
        if (c.Attribute.Repeated)
            w.Line($"[{AttributeName(c.Attribute.Spelling)}(3, 1)]");
        w.Line(TargetHeader(t, c.Defect == Defect.MissingTypeName));
        if (t.Kind == TargetKind.Enum)
        {
            w.Open();
            w.Line("A,");
            w.Close();
        }
        else
        {
            WriteBody(w, t, t.Member);
        }

        for (int i = 0; i < c.Containers.Length + namespaceDepth; i++)
            w.Close();

        string text = w.ToString();
        if (c.Defect == Defect.MissingClosingBrace)
        {
            int last = text.LastIndexOf('}');
            text = text.Remove(last, 1);
        }
        return text;
    }

    private static string WriteOtherPart(NetworkCase c, OtherPart part)
    {
        var w = new SourceBuilder();
        if (part.RepeatsAttribute && c.Attribute.Spelling is AttributeSpelling.Short or AttributeSpelling.Suffixed)
            w.Line("using DeepNet;");
        if (part.RepeatsAttribute && c.Attribute.Spelling == AttributeSpelling.Alias)
            w.Line("using Layers = DeepNet.NetworkAttribute;");
        int namespaceDepth = OpenNamespace(w, c.Namespace);
        foreach (Container container in c.Containers)
        {
            w.Line(ContainerHeader(container));
            w.Open();
        }
        if (part.RepeatsAttribute)
            w.Line($"[{AttributeName(c.Attribute.Spelling)}(3, 1)]");
        string keyword = Keyword(c.Target.Kind);
        w.Line($"partial {keyword} {c.Target.Name}{(c.Target.Generic ? "<T>" : "")}");
        WriteBody(w, c.Target, part.Member);
        for (int i = 0; i < c.Containers.Length + namespaceDepth; i++)
            w.Close();
        return w.ToString();
    }

    private static int OpenNamespace(SourceBuilder w, NamespaceStyle style)
    {
        switch (style)
        {
            case NamespaceStyle.Block:
                w.Line("namespace App.Models");
                w.Open();
                return 1;
            case NamespaceStyle.FileScoped:
                w.Line("namespace App.Models;");
                w.Line();
                return 0;
            case NamespaceStyle.Nested:
                w.Line("namespace App");
                w.Open();
                w.Line("namespace Models");
                w.Open();
                return 2;
            case NamespaceStyle.Verbatim:
                w.Line("namespace @event.Models");
                w.Open();
                return 1;
            default:
                return 0;
        }
    }

    private static string ContainerHeader(Container container)
    {
        var words = new List<string>();
        words.Add(container.FileLocal ? "file" : "public");
        if (container.Kind == ContainerKind.StaticClass)
            words.Add("static");
        if (container.Partial)
            words.Add("partial");
        words.Add(container.Kind switch
        {
            ContainerKind.Class or ContainerKind.StaticClass => "class",
            ContainerKind.Struct => "struct",
            ContainerKind.Record => "record",
            ContainerKind.RecordStruct => "record struct",
            _ => "interface",
        });
        words.Add(container.Name + (container.Generic ? "<TOuter>" : ""));
        return string.Join(" ", words);
    }

    /// <summary>Whether the declaration starts with <c>file</c> or <c>record</c>, which the parser takes for an attribute after an unclosed attribute list.</summary>
    public static bool DeclarationStartsWithContextualKeyword(Target t) =>
        t.Accessibility.Length == 0 && t.Shape == ClassShape.Plain
        && (t.FileLocal || (!t.Partial && t.Kind is TargetKind.Record or TargetKind.RecordStruct));

    private static string TargetHeader(Target t, bool withoutName)
    {
        var words = new List<string>();
        if (t.Accessibility.Length > 0)
            words.Add(t.Accessibility);
        switch (t.Shape)
        {
            case ClassShape.Static:
                words.Add("static");
                break;
            case ClassShape.Abstract:
                words.Add("abstract");
                break;
            case ClassShape.Sealed:
                words.Add("sealed");
                break;
        }
        if (t.FileLocal)
            words.Add("file");
        if (t.Partial)
            words.Add("partial");
        words.Add(Keyword(t.Kind));
        string header = string.Join(" ", words);
        if (!withoutName)
            header += " " + t.Name + (t.Generic ? "<T>" : "");
        if (t.PrimaryConstructor)
            header += t.Kind == TargetKind.Record ? "(int Epochs)" : "(int epochs)";
        header += t.Base.Kind switch
        {
            BaseKind.Library => " : System.Collections.Generic.List<int>",
            BaseKind.UserBase => " : " + BaseClassName,
            _ => "",
        };
        return header;
    }

    private static void WriteBody(SourceBuilder w, Target t, UserMember? member)
    {
        if (member is null)
        {
            w.Line("{");
            w.Line("}");
            return;
        }
        w.Open();
        string isStatic = t.Shape == ClassShape.Static ? "static " : "";
        w.Line(member.Kind switch
        {
            MemberKind.Property => $"public {isStatic}int {member.Name} => 0;",
            MemberKind.Method => $"public {isStatic}void {member.Name}() {{ }}",
            MemberKind.Field => $"public {isStatic}int {member.Name};",
            MemberKind.NestedType => $"public enum {member.Name} {{ A }}",
            _ => t.Shape == ClassShape.Static ? $"static {t.Name}() {{ }}" : $"public {t.Name}(int epochs) {{ }}",
        });
        w.Close();
    }

    private static string Keyword(TargetKind kind) => kind switch
    {
        TargetKind.Class => "class",
        TargetKind.Record => "record",
        TargetKind.Struct => "struct",
        TargetKind.RecordStruct => "record struct",
        TargetKind.Interface => "interface",
        _ => "enum",
    };

    private static string AttributeName(AttributeSpelling spelling) => spelling switch
    {
        AttributeSpelling.Short => "Network",
        AttributeSpelling.Suffixed => "NetworkAttribute",
        AttributeSpelling.Qualified => "DeepNet.Network",
        AttributeSpelling.GlobalQualified => "global::DeepNet.NetworkAttribute",
        _ => "Layers",
    };

    /// <summary>The attribute list holding [Network], with the defect's missing or broken tokens.</summary>
    private static string NetworkAttributeList(NetworkCase c)
    {
        NetworkAttributeUsage a = c.Attribute;
        var arguments = new List<string>();
        string? sizes = SizesText(a.Sizes);
        if (sizes is not null)
            arguments.Add(sizes);
        arguments.AddRange(a.Named.Select(n => $"{n.NameText} = {n.ValueText}"));

        string prefix = c.Target.ExtraAttribute == ExtraAttribute.SameList ? "[System.Serializable, " : "[";
        string name = AttributeName(a.Spelling);
        if (c.Defect == Defect.UnterminatedString)
        {
            // The last argument is a string literal: cut it after its first character, as while typing it.
            string last = arguments[^1];
            return prefix + name + "(" + string.Join(", ", arguments.Take(arguments.Count - 1).Append(last.Substring(0, last.Length - 2)));
        }
        string list;
        if (c.Defect == Defect.MissingCommaBetweenNamedArguments)
            list = string.Join(", ", arguments.Take(arguments.Count - 1)) + " " + arguments[^1];
        else
            list = string.Join(", ", arguments);

        bool parentheses = arguments.Count > 0 || a.Spelling is AttributeSpelling.Suffixed or AttributeSpelling.GlobalQualified;
        string closeParen = c.Defect is Defect.MissingClosingParen or Defect.MissingParenAndBracket ? "" : ")";
        string closeBracket = c.Defect is Defect.MissingClosingBracket or Defect.MissingParenAndBracket ? "" : "]";
        return prefix + name + (parentheses ? "(" + list + closeParen : "") + closeBracket;
    }

    /// <summary>Whether the attribute is written with an argument list (a missing ')' needs one).</summary>
    public static bool HasArgumentList(NetworkAttributeUsage a) =>
        SizesText(a.Sizes) is not null || a.Named.Length > 0 || a.Spelling is AttributeSpelling.Suffixed or AttributeSpelling.GlobalQualified;

    private static string? SizesText(LayerSizesArgument sizes)
    {
        string[] values = sizes.Values.Select(v => v.Text).ToArray();
        string array = values.Length == 0 ? "new int[0]" : "new[] { " + string.Join(", ", values) + " }";
        return sizes.Form switch
        {
            SizesForm.Listed => values.Length == 0 ? null : string.Join(", ", values),
            SizesForm.ArrayCreation => array,
            SizesForm.TypedArray => "new int[] { " + string.Join(", ", values) + " }",
            SizesForm.NamedArray => "layerSizes: " + array,
            SizesForm.Null => "null",
            SizesForm.StringArgument => "\"a\"",
            SizesForm.DoubleArgument => string.Join(", ", values.Select((v, i) => i == 0 ? "2.5" : v)),
            SizesForm.NonConstant => string.Join(", ", values.Select((v, i) => i == 0 ? "System.Environment.ProcessorCount" : v)),
            SizesForm.MisspeltParameterName => "layersizes: " + array,
            _ => string.Join(", ", values) + ", ",
        };
    }

    /// <summary>Appends lines with four-space indentation per open brace.</summary>
    private sealed class SourceBuilder
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public void Line(string line = "")
        {
            if (line.Length > 0)
                _text.Append(' ', 4 * _depth).Append(line);
            _text.Append('\n');
        }

        public void Open()
        {
            Line("{");
            _depth++;
        }

        public void Close()
        {
            _depth--;
            Line("}");
        }

        public override string ToString() => _text.ToString();
    }
}
