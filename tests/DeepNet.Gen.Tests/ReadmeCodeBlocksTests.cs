using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepNet.Gen.Tests;

/// <summary>
/// Every <c>```csharp</c> block of the README compiles, with the generator, so the manual cannot rot. Blocks that only
/// declare types are shared by all others (the tutorial declares <c>TinyNet</c> once); each block with statements is
/// compiled as its own program beside them. A block preceded by <c>&lt;!-- excerpt</c> (generated code shown in part) is skipped.
/// </summary>
public sealed class ReadmeCodeBlocksTests
{
    [Fact]
    public void EveryCSharpBlockCompiles()
    {
        IReadOnlyList<CodeBlock> blocks = ReadBlocks();
        Assert.True(blocks.Count >= 2, $"Expected the README's tutorial blocks; found {blocks.Count} compiled csharp blocks.");

        var declarations = new List<CodeBlock>();
        var programs = new List<CodeBlock>();
        foreach (CodeBlock block in blocks)
        {
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, GeneratorHarness.ParseOptions).GetRoot();
            (root.Members.OfType<GlobalStatementSyntax>().Any() ? programs : declarations).Add(block);
        }
        Assert.NotEmpty(programs);

        foreach (CodeBlock program in programs)
        {
            SyntaxTree[] trees = declarations.Append(program)
                .Select(b => GeneratorHarness.ParseTree(b.Code, $"README.md@{b.Line}"))
                .ToArray();
            var compilation = GeneratorHarness.CreateCompilation()
                .AddSyntaxTrees(trees)
                .WithOptions(GeneratorHarness.CompilationOptions.WithOutputKind(OutputKind.ConsoleApplication));

            GeneratorRun run = GeneratorHarness.Run(compilation);

            Diagnostic[] errors = run.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0,
                $"The README block at line {program.Line} does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }
    }

    [Fact]
    public void BlocksAreFoundWithTheirLineNumbers()
    {
        IReadOnlyList<CodeBlock> blocks = ReadBlocks();

        Assert.All(blocks, b => Assert.StartsWith("```csharp", File.ReadAllLines(ReadmePath())[b.Line - 2]));
    }

    private static IReadOnlyList<CodeBlock> ReadBlocks()
    {
        string[] lines = File.ReadAllLines(ReadmePath());
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
                continue;
            bool excerpt = i > 0 && lines[i - 1].TrimStart().StartsWith("<!-- excerpt", StringComparison.Ordinal);
            int start = i + 1;
            int end = Array.FindIndex(lines, start, l => l.Trim() == "```");
            Assert.True(end > 0, $"README.md: the csharp block at line {start} is not closed.");
            if (!excerpt)
                blocks.Add(new CodeBlock(start + 1, string.Join("\n", lines[start..end])));
            i = end;
        }
        return blocks;
    }

    private static string ReadmePath([CallerFilePath] string thisFile = "")
    {
        for (DirectoryInfo? dir = new FileInfo(thisFile).Directory; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(Path.Combine(dir.FullName, "DeepNet.Gen.sln")) && File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("README.md beside DeepNet.Gen.sln was not found above " + thisFile);
    }

    private sealed record CodeBlock(int Line, string Code);
}
