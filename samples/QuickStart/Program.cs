using System;
using System.Globalization;
using QuickStart;

// The course's planar data set: two interleaved "petal" classes that no straight line separates.
var (X, Y) = FlowerDataset.Generate();
const int m = FlowerDataset.ExampleCount;
const double learningRate = 1.2;
const int iterations = 5000;

var net = new FlowerNet();
net.InitializeParameters(seed: 2);
var cache = new FlowerNet.Cache(m);
var grads = new FlowerNet.Gradients();

Console.WriteLine($"Training a {net.Architecture} network on {m} flower points ({iterations} iterations, learning rate {learningRate}).");
for (int i = 0; i < iterations; i++)
{
    net.Forward(X, cache);
    double cost = net.ComputeCost(cache, Y);
    net.Backward(X, Y, cache, grads);
    net.UpdateParameters(grads, learningRate);
    if (i % 100 == 0 || i == iterations - 1)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cost after iteration {i}: {cost}"));
}

int correct = 0;
var point = new FlowerNet.Input();
for (int j = 0; j < m; j++)
{
    point[0] = X[j];
    point[1] = X[m + j];
    if (net.Classify(point) == (Y[j] == 1))
        correct++;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training accuracy: {100.0 * correct / m:F2}% ({correct} of {m})"));
