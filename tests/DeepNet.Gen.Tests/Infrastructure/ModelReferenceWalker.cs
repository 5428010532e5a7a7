using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests.Infrastructure;

/// <summary>
/// Walks an object graph through every instance field (public or not, including record and auto-property backing
/// fields and array elements) and lists each value that would pin compilation state in the incremental cache.
/// </summary>
internal sealed class ModelReferenceWalker
{
    /// <summary>Types a pipeline model must never hold: they keep a whole compilation alive and never compare equal across runs.</summary>
    public static readonly IReadOnlyList<Type> ForbiddenTypes = new[]
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(Location), typeof(AttributeData), typeof(SyntaxReference),
    };

    private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Type> _visitedTypes = new();
    private readonly List<string> _forbidden = new();

    /// <summary>Every type met in the walk, so a test can prove the walk reached the parts of the model it cares about.</summary>
    public IReadOnlyCollection<Type> VisitedTypes => _visitedTypes;

    /// <summary>The path and type of every forbidden value found.</summary>
    public IReadOnlyList<string> Forbidden => _forbidden;

    public void Walk(object? root, string path) => Visit(root, path);

    private void Visit(object? value, string path)
    {
        if (value is null)
            return;
        Type type = value.GetType();
        if (ForbiddenTypes.Any(forbidden => forbidden.IsInstanceOfType(value)))
        {
            _forbidden.Add($"{path}: {type.FullName}");
            return;
        }
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || value is string or decimal or Type or Delegate or Pointer)
            return;
        if (!type.IsValueType && !_visited.Add(value))
            return;
        _visitedTypes.Add(type);

        if (value is Array array)
        {
            int index = 0;
            foreach (object? element in array)
                Visit(element, $"{path}[{index++}]");
            return;
        }
        for (Type? level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (FieldInfo field in level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                    Visit(field.GetValue(value), $"{path}.{field.Name}");
            }
        }
    }
}
