using System;
using DeepNet;

namespace CatClassifier;

/// <summary>A generated cat / non-cat network: one sigmoid output, classified by the course's rule (A[L] &gt; 0.5).</summary>
public interface ICatNetwork : INetwork<double>
{
    /// <summary>True when the network's output for one example (12288 features) is strictly above 0.5. Generated.</summary>
    bool Classify(ReadOnlySpan<double> x);
}
