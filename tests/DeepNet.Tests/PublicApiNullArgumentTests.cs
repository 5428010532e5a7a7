using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace DeepNet.Tests;

/// <summary>
/// Every public method and constructor of the runtime library rejects a null reference argument with an
/// <see cref="ArgumentNullException"/> naming that parameter, before doing anything else. Found by reflection, so a
/// new public method is covered the day it is added. Methods that take spans (Trainer.Train, GradientChecker.Check)
/// cannot be called by reflection; their own tests check their arguments.
/// </summary>
public sealed class PublicApiNullArgumentTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach ((MethodBase method, ParameterInfo parameter) in NullableReferenceArguments())
            data.Add(Describe(method), parameter.Name!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NullArgumentIsRejectedByName(string method, string parameter)
    {
        (MethodBase target, ParameterInfo nulled) = NullableReferenceArguments().Single(c => Describe(c.Method) == method && c.Parameter.Name == parameter);
        object?[] arguments = target.GetParameters().Select(p => p == nulled ? null : ValidArgument(p.ParameterType)).ToArray();

        Exception? thrown = null;
        try
        {
            if (target is ConstructorInfo constructor)
                constructor.Invoke(arguments);
            else
                target.Invoke(null, arguments);
        }
        catch (TargetInvocationException e)
        {
            thrown = e.InnerException;
        }

        var exception = Assert.IsAssignableFrom<ArgumentException>(thrown);
        Assert.IsType<ArgumentNullException>(exception);
        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void TheSweepFindsTheLibrarysEntryPoints()
    {
        string[] methods = NullableReferenceArguments().Select(c => Describe(c.Method)).Distinct().ToArray();

        Assert.Contains(methods, m => m.StartsWith("ModelFile.Save", StringComparison.Ordinal));
        Assert.Contains(methods, m => m.StartsWith("NpzFile.Load", StringComparison.Ordinal));
        Assert.Contains(methods, m => m.StartsWith("OnnxExport.Save", StringComparison.Ordinal));
        Assert.Contains(methods, m => m.StartsWith("ParameterInitializer.Initialize", StringComparison.Ordinal));
        Assert.True(methods.Length >= 12, $"Only {methods.Length} public methods take reference arguments: {string.Join(", ", methods)}");
    }

    /// <summary>Static methods and constructors of public runtime types whose reference-type parameters are not declared nullable.</summary>
    private static IEnumerable<(MethodBase Method, ParameterInfo Parameter)> NullableReferenceArguments()
    {
        var nullability = new NullabilityInfoContext();
        // DeepNet.Kernels is the generated code's arithmetic: it is called with constant names and spans, and checks shapes only.
        IEnumerable<Type> types = typeof(INetwork).Assembly.GetExportedTypes()
            .Where(t => t.Namespace != "DeepNet.Kernels")
            .Where(t => !t.IsInterface && !t.IsSubclassOf(typeof(Delegate)) && !typeof(Exception).IsAssignableFrom(t) && !typeof(Attribute).IsAssignableFrom(t));
        foreach (Type type in types)
        {
            IEnumerable<MethodBase> members = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Select(m => m.IsGenericMethodDefinition ? Close(m) : m)
                .Where(m => m is not null)
                .Cast<MethodBase>()
                .Concat(type.IsAbstract || type.ContainsGenericParameters ? Array.Empty<MethodBase>() : type.GetConstructors());
            foreach (MethodBase member in members)
            {
                ParameterInfo[] parameters = member.GetParameters();
                if (parameters.Any(p => ValidArgument(p.ParameterType) is Unsupported))
                    continue;
                foreach (ParameterInfo parameter in parameters)
                {
                    if (!parameter.ParameterType.IsValueType && nullability.Create(parameter).WriteState == NullabilityState.NotNull)
                        yield return (member, parameter);
                }
            }
        }
    }

    private static MethodInfo? Close(MethodInfo method)
    {
        Type[] arguments = method.GetGenericArguments();
        return arguments.Length == 1 ? method.MakeGenericMethod(typeof(double)) : null;
    }

    private static string Describe(MethodBase method) =>
        $"{method.DeclaringType!.Name}.{(method is ConstructorInfo ? "ctor" : method.Name)}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    private sealed class Unsupported;

    /// <summary>A valid value of each parameter type the library uses, or <see cref="Unsupported"/>.</summary>
    private static object? ValidArgument(Type type)
    {
        if (type == typeof(INetwork<double>) || type == typeof(INetwork))
            return new TinyNet();
        if (type == typeof(NetworkArchitecture))
            return new TinyNet().Architecture;
        if (type == typeof(string))
            return System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"deepnet-null-{Guid.NewGuid():N}");
        if (type == typeof(System.IO.Stream))
            return new System.IO.MemoryStream();
        if (type == typeof(int))
            return 1;
        if (type == typeof(uint))
            return 1u;
        if (type == typeof(double))
            return 0.1;
        if (type == typeof(Type))
            return typeof(double);
        if (type == typeof(Training.TrainingOptions))
            return new Training.TrainingOptions { Iterations = 1, LearningRate = 0.1 };
        if (type == typeof(IReadOnlyList<int>))
            return new[] { 2, 1 };
        if (type == typeof(IReadOnlyList<Activation>))
            return new[] { Activation.Sigmoid };
        if (type.IsEnum)
            return Enum.GetValues(type).GetValue(0);
        if (type == typeof(System.Threading.CancellationToken))
            return System.Threading.CancellationToken.None;
        return new Unsupported();
    }
}
