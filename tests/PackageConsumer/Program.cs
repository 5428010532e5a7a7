using System;
using DeepNet;
using DeepNet.Training;

// XOR, examples as columns: X is 2 × 4, Y is 1 × 4.
double[] X = { 0, 0, 1, 1, 0, 1, 0, 1 };
double[] Y = { 0, 1, 1, 0 };

var net = new XorNet();
net.InitializeParameters(seed: 3);
TrainingResult result = Trainer.Train(net, X, Y, new TrainingOptions { Iterations = 10, LearningRate = 0.5, ReportEvery = 5 },
    progress => Console.WriteLine(progress.CourseLine));
Console.WriteLine($"{net.Architecture}: final cost {result.FinalCost:R}");

[Network(2, 4, 1, Hidden = "tanh")]
public partial class XorNet { }
