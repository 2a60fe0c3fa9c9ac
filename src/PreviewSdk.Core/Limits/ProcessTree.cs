using System.Globalization;

namespace PreviewSdk.Core.Limits;

/// <summary>
/// The children of a process, from <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/children</c>: a child belongs to the thread
/// that created it, so every thread's list counts.
/// </summary>
internal static class ProcessTree
{
    /// <summary>The live children of <paramref name="pid"/>; none when it is gone.</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        var tasks = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task";
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories(tasks))
            {
                var text = File.ReadAllText(Path.Combine(task, "children"));
                children.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(word => int.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process or one of its threads ended while being read: what was read is what there is.
        }

        return children;
    }
}
