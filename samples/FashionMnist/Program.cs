using System;
using System.Threading;
using Spectre.Console;

namespace FashionMnist;

public static class Program
{
    public static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        // The first Ctrl+C stops training before the next mini-batch; a second one ends the process.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            ITrainingDisplay display = LiveTrainingDisplay.IsSupported ? new LiveTrainingDisplay(AnsiConsole.Console) : new PlainTrainingDisplay(Console.Out);
            return FashionMnistApp.Run(args, Console.Out, Console.Error, display, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
