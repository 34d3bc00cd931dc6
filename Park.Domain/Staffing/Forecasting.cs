namespace Park.Domain.Staffing;

public enum ForecastMethod
{
    SeasonalNaive,
    HoltWinters,
}

/// <summary>How well a method forecast the held-out weeks: WAPE = Σ|actual − forecast| ÷ Σ actual.</summary>
public sealed record ForecastAccuracy(ForecastMethod Method, double Wape, int HeldOutWeeks);

/// <summary>
/// Weekly-seasonal forecasts of an interval series (season = intervals per week): seasonal naive
/// (the same interval last week) and additive Holt-Winters with its smoothing constants chosen on
/// the training data by one-step-ahead squared error. Forecasts never go below zero.
/// </summary>
public static class Forecasting
{
    private static readonly double[] Alphas = [0.05, 0.2, 0.5];
    private static readonly double[] Betas = [0, 0.0005];
    private static readonly double[] Gammas = [0.05, 0.2, 0.5];

    public static string Code(ForecastMethod method) => method == ForecastMethod.HoltWinters ? "holt_winters" : "seasonal_naive";

    public static ForecastMethod Parse(string code) => code == "holt_winters" ? ForecastMethod.HoltWinters : ForecastMethod.SeasonalNaive;

    public static double[] Forecast(ForecastMethod method, ReadOnlySpan<double> history, int season, int horizon) =>
        method == ForecastMethod.HoltWinters ? HoltWinters(history, season, horizon) : SeasonalNaive(history, season, horizon);

    public static double[] SeasonalNaive(ReadOnlySpan<double> history, int season, int horizon)
    {
        if (history.Length < season)
        {
            throw new ArgumentException("Needs at least one season of history.", nameof(history));
        }

        var forecast = new double[horizon];
        var lastSeason = history[^season..];
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = lastSeason[h % season];
        }

        return forecast;
    }

    public static double[] HoltWinters(ReadOnlySpan<double> history, int season, int horizon)
    {
        if (history.Length < 2 * season)
        {
            return SeasonalNaive(history, season, horizon);
        }

        var best = (Sse: double.PositiveInfinity, Alpha: 0.0, Beta: 0.0, Gamma: 0.0);
        foreach (var alpha in Alphas)
        {
            foreach (var beta in Betas)
            {
                foreach (var gamma in Gammas)
                {
                    var sse = Run(history, season, alpha, beta, gamma, null);
                    if (sse < best.Sse)
                    {
                        best = (sse, alpha, beta, gamma);
                    }
                }
            }
        }

        var forecast = new double[horizon];
        Run(history, season, best.Alpha, best.Beta, best.Gamma, forecast);

        // An interval of the week with no calls in any week of history is closed: keep it at zero
        // instead of letting the smoothed level leak into it.
        var open = new bool[season];
        for (var i = 0; i < history.Length; i++)
        {
            open[i % season] |= history[i] > 0;
        }

        for (var h = 0; h < horizon; h++)
        {
            if (!open[(history.Length + h) % season])
            {
                forecast[h] = 0;
            }
        }

        return forecast;
    }

    /// <summary>Fits on the series; returns the one-step squared error and, if asked, fills the forecast.</summary>
    private static double Run(ReadOnlySpan<double> y, int m, double alpha, double beta, double gamma, double[]? forecast)
    {
        double first = 0, second = 0;
        for (var i = 0; i < m; i++)
        {
            first += y[i];
            second += y[m + i];
        }

        var level = first / m;
        var trend = (second - first) / m / m;
        var seasonal = new double[m];
        for (var i = 0; i < m; i++)
        {
            seasonal[i] = y[i] - level;
        }

        double sse = 0;
        for (var t = m; t < y.Length; t++)
        {
            var s = seasonal[t % m];
            var error = y[t] - (level + trend + s);
            sse += error * error;
            var previous = level;
            level = (alpha * (y[t] - s)) + ((1 - alpha) * (level + trend));
            trend = (beta * (level - previous)) + ((1 - beta) * trend);
            seasonal[t % m] = (gamma * (y[t] - level)) + ((1 - gamma) * s);
        }

        if (forecast is not null)
        {
            for (var h = 0; h < forecast.Length; h++)
            {
                forecast[h] = Math.Max(0, level + ((h + 1) * trend) + seasonal[(y.Length + h) % m]);
            }
        }

        return sse;
    }

    /// <summary>Weeks held out to score the methods: two when there are four or more, else one.</summary>
    public static int HeldOutWeeks(int weeks) => weeks >= 4 ? 2 : 1;

    /// <summary>Each method's error on the last <paramref name="heldOutWeeks"/> weeks, trained on the weeks before.</summary>
    public static IReadOnlyList<ForecastAccuracy> Accuracy(ReadOnlySpan<double> history, int season, int heldOutWeeks)
    {
        var held = heldOutWeeks * season;
        if (heldOutWeeks < 1 || history.Length - held < season)
        {
            return [];
        }

        var training = history[..^held];
        var actual = history[^held..];
        var results = new List<ForecastAccuracy>();
        foreach (var method in new[] { ForecastMethod.SeasonalNaive, ForecastMethod.HoltWinters })
        {
            results.Add(new ForecastAccuracy(method, Wape(actual, Forecast(method, training, season, held)), heldOutWeeks));
        }

        return results;
    }

    public static double Wape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        double error = 0, total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            error += Math.Abs(actual[i] - forecast[i]);
            total += Math.Abs(actual[i]);
        }

        return total > 0 ? error / total : (error > 0 ? 1 : 0);
    }
}
