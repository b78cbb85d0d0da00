"""A document plainly written in another language is checked only by the rules that do not read
English, and the user is told so; English text, even quoting another language, is not."""

from __future__ import annotations

from pathlib import Path

from testkit import run_json, write

from checker.language import other_language

ITALIAN = (
    "Il traghetto per l'isola è stato sospeso per il maltempo, e anche le corse della sera "
    "sono state cancellate. La compagnia ha detto che non ci sono rischi per i passeggeri, ma "
    "che il servizio resterà fermo fino a domani mattina. Venti via via più forti sono attesi "
    "nel pomeriggio, con mare molto mosso alla foce del porto e sulle coste della regione. "
    "Questo è il terzo giorno di disagi in una settimana.\n"
)
SPANISH = (
    "El ayuntamiento aprobó el nuevo puente sobre el río por una amplia mayoría, pero los "
    "vecinos del barrio dicen que las obras van a durar más de lo que se prometió. La alcaldesa "
    "explicó que el proyecto está financiado y que también habrá un carril para bicicletas, "
    "como pidieron las asociaciones.. Las obras empiezan en marzo.\n"
)
ENGLISH_QUOTING = (
    "The mayor of Nice said the ferry would run again on Monday. \"C'est une question de "
    "sécurité, et nous ne prendrons pas de risques avec les passagers,\" she told reporters, "
    "adding that the company had agreed to pay for the repairs. The harbour has been closed "
    "since the storm, which was the worst the town has seen in a decade.\n"
)
RESULTS = ("Premier Division results\n\nKelso Rovers 2-1 Dunmere Athletic\n\n"
           "Portree United 0-0 Hawick Albion\n\nGala Fairydean 3-2 Selkirk\n")


def test_plainly_another_language_is_told_from_english() -> None:
    assert other_language(ITALIAN) == "it"
    assert other_language(SPANISH) == "es"
    assert other_language(ENGLISH_QUOTING) is None
    assert other_language(RESULTS) is None
    assert other_language("") is None


def test_a_draft_in_another_language_gets_only_the_checks_that_do_not_read_english(
        tmp_path: Path) -> None:
    italian = write(tmp_path / "traghetto.txt", ITALIAN)
    spanish = write(tmp_path / "puente.txt", SPANISH)
    english = write(tmp_path / "ferry.txt", "The the ferry resumed on Monday.\n")
    rc, data, err = run_json(["--no-model", italian, spanish, english], cwd=tmp_path)
    codes = {Path(f["path"]).name: [x["code"] for x in f["findings"]] for f in data["files"]}
    assert codes["traghetto.txt"] == []  # "via via" is Italian, not a doubled word
    assert codes["puente.txt"] == ["TY101"]  # a doubled full stop is one in any language
    assert codes["ferry.txt"] == ["TY104"]
    assert "traghetto.txt: written in Italian, not English" in err
    assert "puente.txt: written in Spanish, not English" in err
    assert "ferry.txt" not in err
    assert rc == 1
