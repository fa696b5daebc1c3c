using System.Collections;
using System.Reflection;
using k8s.Models;

namespace Orchestration.Kubernetes.Tests;

/// <summary>Compares two Kubernetes model graphs field by field and names every path where they differ.</summary>
internal static class ModelComparer
{
    public static IReadOnlyList<string> Differences(object? expected, object? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(object? expected, object? actual, string path, List<string> differences)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                differences.Add($"{path}: expected {Show(expected)}, read back {Show(actual)}");
            }

            return;
        }

        if (expected.GetType() != actual.GetType())
        {
            differences.Add($"{path}: expected a {expected.GetType().Name}, read back a {actual.GetType().Name}");
            return;
        }

        switch (expected)
        {
            case string or bool or int or long or double or decimal or DateTime:
                if (!expected.Equals(actual))
                {
                    differences.Add($"{path}: expected {Show(expected)}, read back {Show(actual)}");
                }

                return;
            case ResourceQuantity q:
                if (q.ToString() != actual.ToString())
                {
                    differences.Add($"{path}: expected {q}, read back {actual}");
                }

                return;
            case IntOrString s:
                if (s.Value != ((IntOrString)actual).Value)
                {
                    differences.Add($"{path}: expected {s.Value}, read back {((IntOrString)actual).Value}");
                }

                return;
            case IDictionary map:
                var other = (IDictionary)actual;
                var keys = map.Keys.Cast<object>().Concat(other.Keys.Cast<object>()).Distinct();
                foreach (var key in keys)
                {
                    Compare(map.Contains(key) ? map[key] : null, other.Contains(key) ? other[key] : null, $"{path}[{key}]", differences);
                }

                return;
            case IList list:
                var otherList = (IList)actual;
                if (list.Count != otherList.Count)
                {
                    differences.Add($"{path}: expected {list.Count} items, read back {otherList.Count}");
                    return;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    Compare(list[i], otherList[i], $"{path}[{i}]", differences);
                }

                return;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", differences);
            }
        }
    }

    private static string Show(object? value) => value is null ? "nothing" : $"'{value}'";
}
