namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Which slice groups a large participants' group is sent through under a storm. Once this
/// gateway holds more than <see cref="FanoutOptions.SliceAbove"/> of the session's participant
/// screens, every one of them (then each newcomer) is placed in one of <see cref="FanoutOptions.Slices"/>
/// slice groups, in turn; a sliced send goes through them a few at a time (<see cref="Steps"/>),
/// about <see cref="FanoutOptions.ScreensPerSlice"/> screens a step. SignalR drops a connection
/// from its groups when it disconnects, so nothing is removed from a group here.
/// </summary>
internal sealed class ParticipantSlicer
{
    private readonly int _sliceAbove;
    private readonly int _screensPerSlice;
    /// <summary>The slice groups' names, made once.</summary>
    private readonly string[] _sliceGroups;
    /// <summary>This gateway's connections in the session's participants' group.</summary>
    private readonly HashSet<string> _screens = [];
    private int _nextSlice;

    public ParticipantSlicer(Guid sessionId, FanoutOptions options)
    {
        (_sliceAbove, _screensPerSlice) = (options.SliceAbove, Math.Max(1, options.ScreensPerSlice));
        _sliceGroups = [.. Enumerable.Range(0, Math.Max(1, options.Slices)).Select(k => SessionFanout.SliceGroupName(sessionId, k))];
    }

    /// <summary>Whether the group is large enough that its screens are in slice groups.</summary>
    public bool IsSliced { get; private set; }

    /// <summary>
    /// A participant's screen joined: the slice groups to put screens in now — none while the group
    /// is small, every screen's once it has just grown large, the newcomer's alone after that.
    /// </summary>
    public List<(string ConnectionId, string SliceGroup)> Joined(string connectionId)
    {
        if (!_screens.Add(connectionId))
        {
            return [];
        }
        if (IsSliced)
        {
            return [NextSlice(connectionId)];
        }
        if (_screens.Count <= _sliceAbove)
        {
            return [];
        }
        IsSliced = true;
        return [.. _screens.Select(NextSlice)];
    }

    public void Left(string connectionId) => _screens.Remove(connectionId);

    /// <summary>The slice groups of one sliced send, step by step: several at once when the group is smaller.</summary>
    public IEnumerable<string[]> Steps()
    {
        var steps = Math.Clamp((_screens.Count + _screensPerSlice - 1) / _screensPerSlice, 1, _sliceGroups.Length);
        return _sliceGroups.Chunk((_sliceGroups.Length + steps - 1) / steps);
    }

    private (string, string) NextSlice(string connectionId)
    {
        var group = _sliceGroups[_nextSlice];
        _nextSlice = (_nextSlice + 1) % _sliceGroups.Length;
        return (connectionId, group);
    }
}
