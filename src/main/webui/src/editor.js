// The SPARQL editor: CodeMirror 6 with the SPARQL mode of @codemirror/legacy-modes, completion of the loaded graph's
// prefixes and vocabulary, and diagnostics placed at the line and column a syntax error names.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching } from '@codemirror/language';
import { sparql } from '@codemirror/legacy-modes/mode/sparql';
import { autocompletion, completionKeymap, closeBrackets } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics } from '@codemirror/lint';

const KEYWORDS = ['SELECT', 'DISTINCT', 'WHERE', 'OPTIONAL', 'FILTER', 'ORDER BY', 'GROUP BY', 'LIMIT', 'OFFSET',
  'PREFIX', 'ASK', 'CONSTRUCT', 'DESCRIBE', 'GRAPH', 'UNION', 'MINUS', 'BIND', 'VALUES', 'COUNT', 'LANG', 'STR'];

const THEME = EditorView.theme({
  '&': { minHeight: '11rem', maxHeight: '26rem', backgroundColor: '#fff', fontSize: '14px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', overflow: 'auto' },
  '&.cm-focused': { outline: '3px solid #f2b134' },
  '.cm-content': { minHeight: '11rem' },
});

/**
 * Creates an editor in `parent`. `vocabulary()` returns {prefixes: {p: ns}, terms: ['gg:Element', ...]};
 * `onRun` is called on Ctrl+Enter / Cmd+Enter.
 */
export function createEditor(host, { doc = '', vocabulary, onRun }) {
  // The editor lives in a shadow root: there CodeMirror styles itself with constructed style sheets, which the page's
  // CSP (style-src 'self', no inline styles) allows, where the <style> elements it uses in a document are refused.
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        closeBrackets(),
        StreamLanguage.define(sparql),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [(ctx) => complete(ctx, vocabulary())] }),
        lintGutter(),
        placeholder('SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10'),
        // Tab is left to the browser, so keyboard users can leave the editor; Ctrl+Enter runs the query.
        keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': 'SPARQL query', id: 'sparql-query' }),
        EditorView.lineWrapping,
        THEME,
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Marks an error at a 1-based line and column (or the whole text when unknown) and puts the cursor there. */
    showError(message, line, column) {
      const doc = view.state.doc;
      let from = 0;
      let to = doc.length;
      if (line > 0 && line <= doc.lines) {
        const l = doc.line(line);
        from = Math.min(l.from + Math.max(0, (column || 1) - 1), l.to);
        const rest = doc.sliceString(from, l.to).match(/^\S+/);
        to = rest ? from + rest[0].length : Math.min(from + 1, doc.length);
        view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
      }
      view.dispatch(setDiagnostics(view.state, [{ from, to, severity: 'error', message }]));
    },
    clearErrors() {
      view.dispatch(setDiagnostics(view.state, []));
    },
  };
}

/** Completes prefixed names (gg:Ele…), prefixes (adding the PREFIX line when missing), and keywords. */
function complete(ctx, { prefixes, terms }) {
  const word = ctx.matchBefore(/[A-Za-z_][\w-]*:?[\w-]*/);
  if (!word && !ctx.explicit) return null;
  const from = word ? word.from : ctx.pos;
  const typed = word ? word.text : '';
  const doc = ctx.state.doc.toString();
  const before = doc.slice(Math.max(0, from - 8), from);
  if (/PREFIX\s+$/i.test(before)) {
    return {
      from,
      options: Object.entries(prefixes).map(([p, ns]) => ({ label: `${p}: <${ns}>`, type: 'namespace' })),
    };
  }
  if (typed.includes(':')) {
    const prefix = typed.slice(0, typed.indexOf(':'));
    return {
      from,
      options: terms.filter((t) => t.startsWith(`${prefix}:`)).map((t) => ({ label: t, type: 'property', apply: withPrefix(t, prefixes) })),
      validFor: /^[\w-]*:?[\w-]*$/,
    };
  }
  return {
    from,
    options: [
      ...Object.entries(prefixes).filter(([p]) => p).map(([p, ns]) => ({ label: `${p}:`, type: 'namespace', detail: ns, apply: withPrefix(`${p}:`, prefixes) })),
      ...KEYWORDS.map((k) => ({ label: k, type: 'keyword' })),
    ],
    validFor: /^[\w-]*$/,
  };
}

/** An apply function that inserts a prefixed name and declares its prefix at the top when the query lacks it. */
function withPrefix(text, prefixes) {
  return (view, completion, from, to) => {
    const prefix = text.slice(0, text.indexOf(':'));
    const declared = new RegExp(`PREFIX\\s+${prefix}:`, 'i').test(view.state.doc.toString());
    const changes = [{ from, to, insert: text }];
    if (!declared && prefixes[prefix]) changes.push({ from: 0, insert: `PREFIX ${prefix}: <${prefixes[prefix]}>\n` });
    const shift = !declared && prefixes[prefix] ? `PREFIX ${prefix}: <${prefixes[prefix]}>\n`.length : 0;
    view.dispatch({ changes, selection: { anchor: from + text.length + shift } });
  };
}
