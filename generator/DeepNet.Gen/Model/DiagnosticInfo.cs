using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Model;

/// <summary>A diagnostic as plain data: its descriptor, where it points, and its message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs) =>
        new(descriptor, LocationInfo.From(location), new EquatableArray<string>(messageArgs));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArgs.ToObjectArray());
}

internal static class EquatableArrayExtensions
{
    public static object[] ToObjectArray(this EquatableArray<string> array)
    {
        var result = new object[array.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = array[i];
        return result;
    }
}
