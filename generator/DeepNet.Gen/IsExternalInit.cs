namespace System.Runtime.CompilerServices;

// Lets the netstandard2.0 generator use records and init-only properties.
internal static class IsExternalInit
{
}
