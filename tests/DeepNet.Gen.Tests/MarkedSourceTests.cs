using System;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace DeepNet.Gen.Tests;

/// <summary>The marker syntax the diagnostic tests use to state where a diagnostic is expected.</summary>
public sealed class MarkedSourceTests
{
    [Fact]
    public void MarkersAreRemovedAndBecomeSpans()
    {
        MarkedSource source = MarkedSource.Parse("[Network({|DNG002:0|}, 1)] class [|Net|] { }");

        Assert.Equal("[Network(0, 1)] class Net { }", source.Text);
        Assert.Equal(new[] { new MarkedSpan("DNG002", new TextSpan(9, 1)), new MarkedSpan(null, new TextSpan(22, 3)) }, source.Spans);
    }

    [Fact]
    public void NestedMarkersShareText()
    {
        MarkedSource source = MarkedSource.Parse("class {|DNG005:{|DNG007:Net|}|}<T> { }");

        Assert.Equal("class Net<T> { }", source.Text);
        Assert.Equal(new[] { new MarkedSpan("DNG007", new TextSpan(6, 3)), new MarkedSpan("DNG005", new TextSpan(6, 3)) }, source.Spans);
    }

    [Theory]
    [InlineData("class {|DNG005:Net { }")]
    [InlineData("class Net|] { }")]
    [InlineData("class {|DNG005:Net|] { }")]
    [InlineData("class {|Net|} { }")]
    public void UnbalancedMarkersAreRejected(string markup)
    {
        Assert.Throws<FormatException>(() => MarkedSource.Parse(markup));
    }
}
