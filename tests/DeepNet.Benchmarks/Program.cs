using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using DeepNet.Benchmarks;

// dotnet run -c Release --project tests/DeepNet.Benchmarks -- --filter '*'   (add --job short for a quick pass; see README.md)
IConfig config = DefaultConfig.Instance
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(new GflopsColumn());
BenchmarkSwitcher.FromAssembly(typeof(DynamicNetwork).Assembly).Run(args, config);
