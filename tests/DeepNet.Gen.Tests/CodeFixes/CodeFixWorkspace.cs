using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DeepNet.Gen.Tests.CodeFixes;

/// <summary>
/// One C# document in an <see cref="AdhocWorkspace"/>, compiled like <see cref="GeneratorHarness"/> compiles, so that
/// a code fix can be run on the generator's diagnostics exactly as the IDE runs it: register, then apply the
/// chosen action's operations to the workspace.
/// </summary>
internal sealed class CodeFixWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new();
    private readonly DocumentId _documentId;

    public CodeFixWorkspace(string source)
    {
        ProjectId projectId = ProjectId.CreateNewId();
        _documentId = DocumentId.CreateNewId(projectId);
        CSharpCompilation template = GeneratorHarness.CreateCompilation();
        Solution solution = _workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "DeepNet.Gen.CodeFixInput", "DeepNet.Gen.CodeFixInput", LanguageNames.CSharp,
                compilationOptions: GeneratorHarness.CompilationOptions,
                parseOptions: GeneratorHarness.ParseOptions,
                metadataReferences: template.References))
            .AddDocument(_documentId, GeneratorHarness.SourcePath(0), SourceText.From(source), filePath: GeneratorHarness.SourcePath(0));
        Assert.True(_workspace.TryApplyChanges(solution), "The workspace refused the test project.");
    }

    public Document Document => _workspace.CurrentSolution.GetDocument(_documentId)!;

    public async Task<string> TextAsync() => (await Document.GetTextAsync()).ToString();

    /// <summary>Runs the generator over the document's project as it is now.</summary>
    public async Task<GeneratorRun> RunGeneratorAsync()
    {
        Compilation compilation = (await Document.Project.GetCompilationAsync())!;
        return GeneratorHarness.Run((CSharpCompilation)compilation);
    }

    /// <summary>The actions <paramref name="provider"/> registers for <paramref name="diagnostic"/>.</summary>
    public async Task<ImmutableArray<CodeAction>> RegisterAsync(CodeFixProvider provider, Diagnostic diagnostic)
    {
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(Document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions.ToImmutableArray();
    }

    /// <summary>Applies every operation of <paramref name="action"/> to the workspace, as the IDE does when the user picks it.</summary>
    public async Task ApplyAsync(CodeAction action)
    {
        foreach (CodeActionOperation operation in await action.GetOperationsAsync(CancellationToken.None))
            operation.Apply(_workspace, CancellationToken.None);
    }

    public void Dispose() => _workspace.Dispose();
}
