using System.Collections.Generic;

namespace FashionMnist;

/// <summary>Fashion-MNIST's ten classes, in label order (label 0 is T-shirt/top, …, 9 is Ankle boot).</summary>
public static class FashionClasses
{
    /// <summary>The number of classes: the network's output size.</summary>
    public const int Count = 10;

    /// <summary>The class names, indexed by label.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
}
