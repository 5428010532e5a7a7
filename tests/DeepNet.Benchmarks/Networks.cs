namespace DeepNet.Benchmarks;

/// <summary>W1 and W4: the tiny network of the course's L_model_forward test, relu-relu-sigmoid.</summary>
[Network(5, 4, 3, 1)]
public partial class TinyNet { }

/// <summary>W1 and W4 in float32.</summary>
[Network(5, 4, 3, 1, Precision = "float")]
public partial class TinyNetFloat { }

/// <summary>W2: the course application, a 4-layer cat classifier on 64×64×3 images.</summary>
[Network(12288, 20, 7, 5, 1)]
public partial class CourseNet { }

/// <summary>W2 in float32.</summary>
[Network(12288, 20, 7, 5, 1, Precision = "float")]
public partial class CourseNetFloat { }

/// <summary>W3 and W4: a mid-size network on 28×28 inputs.</summary>
[Network(784, 256, 128, 1)]
public partial class MidNet { }

/// <summary>W3 and W4 in float32.</summary>
[Network(784, 256, 128, 1, Precision = "float")]
public partial class MidNetFloat { }
