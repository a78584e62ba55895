using System.Globalization;

namespace Bench;

/// <summary>"--name value" pairs; every option a mode reads is required unless it has a default.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new Options(values);
    }

    public string this[string name] =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Missing --{name}.");

    public int Int(string name, int? fallback = null) =>
        values.ContainsKey(name) || fallback is null ? int.Parse(this[name], CultureInfo.InvariantCulture) : fallback.Value;

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
}

internal static class Report
{
    public static void Write(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.###}"));

    /// <summary>Nearest-rank percentile of an already sorted list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static long UnixMicros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
