namespace DeepNet.Gen.Model;

/// <summary>What the parser found for one [Network] type: a spec to emit, or the diagnostics that explain why not (or both, for warnings).</summary>
internal sealed record ParseResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
