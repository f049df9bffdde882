namespace DetectorDaq.Frames;

/// <summary>What a frame shows, with the NXtomo <c>image_key</c> values.</summary>
public enum ImageKey
{
    /// <summary>A projection of the object.</summary>
    Projection = 0,

    /// <summary>A flat (white, air) frame: beam on, no object.</summary>
    Flat = 1,

    /// <summary>A dark frame: beam off.</summary>
    Dark = 2,
}
