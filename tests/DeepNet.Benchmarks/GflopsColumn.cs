using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DeepNet.Benchmarks;

/// <summary>Achieved GFLOP/s: the class's <see cref="StepFlopsAttribute"/> over the mean time per step.</summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);

    public string ColumnName => "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Matrix-product operations per step (2·n[l]·n[l−1]·m for Z, dW and dA except dA0) per nanosecond of the mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        StepFlopsAttribute? flops = benchmarkCase.Descriptor.Type.GetCustomAttribute<StepFlopsAttribute>();
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (flops is null || meanNanoseconds is not > 0)
            return "-";
        return (flops.Flops / meanNanoseconds.Value).ToString("F1", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
