using System.Text;

namespace DetectorDaq.Interfaces.Rendering;

/// <summary>Indented text with Unix line ends, for the code renderers.</summary>
public sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private readonly string _indentUnit;
    private int _depth;

    /// <summary>Creates a writer indenting by <paramref name="indentUnit"/> per level.</summary>
    public CodeWriter(string indentUnit = "    ") => _indentUnit = indentUnit;

    /// <summary>Writes one line at the current depth (an empty line stays empty).</summary>
    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _depth; i++)
            {
                _text.Append(_indentUnit);
            }
        }

        _text.Append(text).Append('\n');
    }

    /// <summary>Writes text as it is.</summary>
    public void Raw(string text) => _text.Append(text);

    /// <summary>Writes <paramref name="header"/> and an opening brace, then indents.</summary>
    public void Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
    }

    /// <summary>Outdents and writes a closing brace with an optional suffix.</summary>
    public void Close(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
    }

    /// <summary>Indents without a brace.</summary>
    public void Indent() => _depth++;

    /// <summary>Outdents without a brace.</summary>
    public void Outdent() => _depth--;

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();
}
