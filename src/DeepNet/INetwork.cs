namespace DeepNet;

/// <summary>
/// Implemented by every generated network, whatever its precision: what generic services (model files, reports)
/// need to know without the element type.
/// </summary>
public interface INetwork
{
    /// <summary>Layer sizes, activations and precision, as declared by the <see cref="NetworkAttribute"/>.</summary>
    NetworkArchitecture Architecture { get; }
}
