using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using DeepNet.Gen.CodeFixes;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace DeepNet.Gen.Tests.CodeFixes;

/// <summary>
/// The "make partial" code fix, run as the IDE runs it: the generator reports DNG005 or DNG008 on a document, the
/// provider registers its action, the action's operations are applied to the workspace, and the resulting text must
/// match exactly. The generator then runs again on the fixed text: no diagnostic, one network, no warning.
/// </summary>
public sealed class MakePartialCodeFixTests
{
    private const string NotPartial = "DNG005";
    private const string ContainingTypeNotPartial = "DNG008";

    [Fact]
    public Task PublicClassBecomesPublicPartial() => FixesAsync(NotPartial, "Make 'Net' partial",
        """
        [DeepNet.Network(3, 2, 1)]
        public class Net { }
        """,
        """
        [DeepNet.Network(3, 2, 1)]
        public partial class Net { }
        """);

    [Fact]
    public Task ClassWithoutModifiersKeepsItsTrivia() => FixesAsync(NotPartial, "Make 'Net' partial",
        """
        // The course's two-layer network.
        /// <summary>Cat or not.</summary>
        [DeepNet.Network(3, 2, 1)]
        class Net
        {
        }
        """,
        """
        // The course's two-layer network.
        /// <summary>Cat or not.</summary>
        [DeepNet.Network(3, 2, 1)]
        partial class Net
        {
        }
        """);

    [Fact]
    public Task CommentBetweenAttributeAndKeywordStaysBeforeTheDeclaration() => FixesAsync(NotPartial, "Make 'Net' partial",
        """
        namespace App
        {
            [DeepNet.Network(3, 2, 1)]
            // Trained nightly.
            class Net { }
        }
        """,
        """
        namespace App
        {
            [DeepNet.Network(3, 2, 1)]
            // Trained nightly.
            partial class Net { }
        }
        """);

    [Fact]
    public Task SealedClassGetsPartialBeforeTheKeyword() => FixesAsync(NotPartial, "Make 'Net' partial",
        """
        [DeepNet.Network(3, 2, 1)]
        public sealed class Net { }
        """,
        """
        [DeepNet.Network(3, 2, 1)]
        public sealed partial class Net { }
        """);

    [Fact]
    public Task ModifiersOnTheirOwnLineStayThere() => FixesAsync(NotPartial, "Make 'Net' partial",
        """
        [DeepNet.Network(3, 2, 1)]
        internal sealed
        class Net { }
        """,
        """
        [DeepNet.Network(3, 2, 1)]
        internal sealed
        partial class Net { }
        """);

    [Fact]
    public Task RecordBecomesPartialRecord() => FixesAsync(NotPartial, "Make 'Net' partial",
        """
        [DeepNet.Network(3, 2, 1)]
        public record Net;
        """,
        """
        [DeepNet.Network(3, 2, 1)]
        public partial record Net;
        """);

    [Fact]
    public Task EveryNonPartialContainerBecomesPartial() => FixesAsync(ContainingTypeNotPartial, "Make the containing types partial",
        """
        namespace App;

        public class Outer
        {
            public partial class Middle
            {
                internal static class Inner
                {
                    [DeepNet.Network(3, 2, 1)]
                    public partial class Net { }
                }
            }
        }
        """,
        """
        namespace App;

        public partial class Outer
        {
            public partial class Middle
            {
                internal static partial class Inner
                {
                    [DeepNet.Network(3, 2, 1)]
                    public partial class Net { }
                }
            }
        }
        """);

    [Fact]
    public Task ContainersWithoutModifiersOfEveryKindBecomePartial() => FixesAsync(ContainingTypeNotPartial, "Make the containing types partial",
        """
        class Outer
        {
            struct Holder
            {
                record Models
                {
                    [DeepNet.Network(3, 2, 1)]
                    public partial class Net { }
                }
            }
        }
        """,
        """
        partial class Outer
        {
            partial struct Holder
            {
                partial record Models
                {
                    [DeepNet.Network(3, 2, 1)]
                    public partial class Net { }
                }
            }
        }
        """);

    [Fact]
    public async Task NetworkAndContainersAreFixedOneDiagnosticAfterTheOther()
    {
        using var workspace = new CodeFixWorkspace("""
            public class Outer
            {
                [DeepNet.Network(3, 2, 1)]
                public class Net { }
            }
            """);

        await ApplySingleFixAsync(workspace, NotPartial);
        await ApplySingleFixAsync(workspace, ContainingTypeNotPartial);

        Assert.Equal("""
            public partial class Outer
            {
                [DeepNet.Network(3, 2, 1)]
                public partial class Net { }
            }
            """, await workspace.TextAsync());
        await AssertGeneratesCleanlyAsync(workspace);
    }

    [Fact]
    public async Task OneActionPerDiagnosticAndOnlyForItsOwnIds()
    {
        using var workspace = new CodeFixWorkspace("""
            public class Outer
            {
                [DeepNet.Network(3, 0, 1)]
                public static class Net { }
            }
            """);
        GeneratorRun run = await workspace.RunGeneratorAsync();
        var provider = new MakePartialCodeFixProvider();

        Assert.Equal(new[] { "DNG002", "DNG005", "DNG006", "DNG008" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
            Assert.Single(await workspace.RegisterAsync(provider, diagnostic));
        Assert.Equal(new[] { NotPartial, ContainingTypeNotPartial }, provider.FixableDiagnosticIds);
    }

    private static async Task FixesAsync(string id, string title, string before, string after)
    {
        using var workspace = new CodeFixWorkspace(before);

        CodeAction action = await ApplySingleFixAsync(workspace, id);

        Assert.Equal(title, action.Title);
        Assert.Equal(after, await workspace.TextAsync());
        await AssertGeneratesCleanlyAsync(workspace);
    }

    /// <summary>Runs the generator, takes the first diagnostic <paramref name="id"/>, and applies the one action registered for it.</summary>
    private static async Task<CodeAction> ApplySingleFixAsync(CodeFixWorkspace workspace, string id)
    {
        GeneratorRun run = await workspace.RunGeneratorAsync();
        Diagnostic diagnostic = run.GeneratorDiagnostics.First(d => d.Id == id);
        ImmutableArray<CodeAction> actions = await workspace.RegisterAsync(new MakePartialCodeFixProvider(), diagnostic);
        CodeAction action = Assert.Single(actions);
        await workspace.ApplyAsync(action);
        return action;
    }

    private static async Task AssertGeneratesCleanlyAsync(CodeFixWorkspace workspace)
    {
        GeneratorRun fixedRun = await workspace.RunGeneratorAsync();
        Assert.Empty(fixedRun.GeneratorDiagnostics);
        Assert.Single(fixedRun.GeneratedSources);
        GeneratorRunAssert.CompilesWithoutWarnings(fixedRun);
    }
}
