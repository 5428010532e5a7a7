using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepNet.Gen.CodeFixes;

/// <summary>
/// Fixes DNG005 ("must be partial") on the network type and DNG008 ("containing type must be partial") on each
/// enclosing type by adding the <c>partial</c> modifier where C# expects it (just before the type keyword).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider)), Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    private const string NotPartialId = "DNG005";
    private const string ContainingTypeNotPartialId = "DNG008";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NotPartialId, ContainingTypeNotPartialId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } type)
                continue;
            bool containers = diagnostic.Id == ContainingTypeNotPartialId;
            string title = containers ? "Make the containing types partial" : $"Make '{type.Identifier.ValueText}' partial";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AddPartialAsync(context.Document, root, type, containers, ct), equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    private static Task<Document> AddPartialAsync(Document document, SyntaxNode root, TypeDeclarationSyntax type, bool containers, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TypeDeclarationSyntax[] targets = containers
            ? type.Ancestors().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToArray()
            : new[] { type };
        SyntaxNode newRoot = root.ReplaceNodes(targets, (original, rewritten) => WithPartial(rewritten));
        return Task.FromResult(document.WithSyntaxRoot(newRoot));
    }

    /// <summary>Adds <c>partial</c> as the last modifier, carrying the type keyword's leading trivia when there were no modifiers.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
            return type;
        if (type.Modifiers.Count == 0)
        {
            SyntaxToken keyword = type.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return type.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
        }
        // No elastic trivia: the code action's cleanup would otherwise reformat (and join) the user's lines.
        return type.WithModifiers(type.Modifiers.Add(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
    }
}
