using System;
using System.Collections.Generic;
using System.Text.Json;

namespace DeepNet.Tests.TestData;

/// <summary>
/// One JSON object of the course's test data, read as the course's numpy values: a matrix is a list of rows and
/// is returned flattened row-major (the layout of every span in DeepNet); a flat list is a row vector.
/// </summary>
internal readonly struct JsonCase
{
    private readonly JsonElement _element;
    private readonly string _path;

    public JsonCase(JsonElement element, string path)
    {
        _element = element;
        _path = path;
    }

    /// <summary>The nested object <paramref name="name"/>.</summary>
    public JsonCase Object(string name) => new(Property(name), $"{_path}.{name}");

    /// <summary>Entry <paramref name="index"/> of the list <paramref name="name"/>, as an object.</summary>
    public JsonCase Element(string name, int index) => new(Property(name)[index], $"{_path}.{name}[{index}]");

    /// <summary>The number <paramref name="name"/>.</summary>
    public double Number(string name) => Property(name).GetDouble();

    /// <summary>The matrix <paramref name="name"/> flattened row-major; a flat list is read as one row.</summary>
    public double[] Matrix(string name) => Flatten(Property(name), $"{_path}.{name}", out _, out _);

    /// <summary>The matrix <paramref name="name"/> flattened row-major, with its shape.</summary>
    public double[] Matrix(string name, out int rows, out int columns) => Flatten(Property(name), $"{_path}.{name}", out rows, out columns);

    /// <summary>Matrix <paramref name="index"/> of the list of matrices <paramref name="name"/>, flattened row-major.</summary>
    public double[] Matrix(string name, int index) => Flatten(Property(name)[index], $"{_path}.{name}[{index}]", out _, out _);

    private JsonElement Property(string name) =>
        _element.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new KeyNotFoundException($"The course data has no '{name}' in {_path}.");

    private static double[] Flatten(JsonElement matrix, string path, out int rows, out int columns)
    {
        if (matrix.ValueKind != JsonValueKind.Array || matrix.GetArrayLength() == 0)
            throw new FormatException($"{path} is not a non-empty list.");
        if (matrix[0].ValueKind == JsonValueKind.Number)
        {
            rows = 1;
            columns = matrix.GetArrayLength();
            return ReadRow(matrix, path);
        }
        rows = matrix.GetArrayLength();
        columns = -1;
        var values = new List<double>();
        foreach (JsonElement row in matrix.EnumerateArray())
        {
            double[] numbers = ReadRow(row, path);
            if (columns >= 0 && numbers.Length != columns)
                throw new FormatException($"{path} is ragged: rows of {columns} and {numbers.Length} values.");
            columns = numbers.Length;
            values.AddRange(numbers);
        }
        return values.ToArray();
    }

    private static double[] ReadRow(JsonElement row, string path)
    {
        if (row.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{path} holds a {row.ValueKind} where a row of numbers was expected.");
        var numbers = new double[row.GetArrayLength()];
        int j = 0;
        foreach (JsonElement value in row.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number)
                throw new FormatException($"{path} holds a {value.ValueKind} where a number was expected.");
            numbers[j++] = value.GetDouble();
        }
        return numbers;
    }
}
