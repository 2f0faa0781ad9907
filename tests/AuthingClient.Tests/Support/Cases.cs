namespace AuthingClient.Tests.Support;

/// <summary>Builds theory data from tuples (xunit 2's <c>TheoryData</c> has no such constructor).</summary>
public static class Cases
{
    public static TheoryData<T1, T2> Of<T1, T2>(IEnumerable<(T1, T2)> rows)
    {
        var data = new TheoryData<T1, T2>();
        foreach (var (first, second) in rows)
        {
            data.Add(first, second);
        }

        return data;
    }
}
