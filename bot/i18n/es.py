"""Español: the quiz flow and every slash command (names, descriptions, options, choices)."""

from bot.i18n.es_core import CORE
from bot.i18n.es_staff import STAFF

UI: dict[str, str] = {
    # question card
    "question.title": "Pregunta {position}/{total} · {pack}",
    "question.how.choice": "Elige una letra abajo.",
    "question.how.truefalse": "¿Verdadero o falso?",
    "question.how.text": "Pulsa **Escribir respuesta** y escríbela.",
    "question.how.number": "Pulsa **Escribir respuesta** e introduce un número.",
    "question.how.order": ("Pulsa **Escribir respuesta** y da las letras en orden, "
                           "p. ej. `B A C`."),
    "question.how.select_all": ("Marca todas las que correspondan: elige cada opción "
                                "correcta en el menú de abajo."),
    "select.placeholder": "Elige cada opción correcta…",
    "history.title": "Versiones de {pack}",
    "history.line": "**v{version}**{current} · {when} · {who} · {questions} preguntas",
    "history.current": " (actual)",
    "history.older": "…y {count} versiones anteriores.",
    "history.not_installed": ("No está instalado ahora: /pack restore recupera una "
                              "versión."),
    "history.footer": ("/pack restore vuelve a poner en uso una versión anterior, como "
                       "versión nueva."),
    "restore.title": "¿Restaurar la versión {version} de {pack}?",
    "restore.description": ("`{pack}` pasa a ser la versión {new} con este contenido; todas "
                            "las versiones siguen guardadas."),
    "restore.questions": "Preguntas",
    "restore.samples": "Ejemplos",
    "restore.footer": "Nada cambia hasta que pulses Restaurar.",
    "restore.button": "Restaurar",
    "restore.cancel_button": "Cancelar",
    "restore.done": ("Restaurada la versión {version} de `{pack}` como versión {new} "
                     "({questions} preguntas)."),
    "restore.cancelled": "No se ha restaurado nada.",
    "question.how.other": "Responde abajo.",
    "question.points": "Puntos",
    "question.points_value": "hasta {points}",
    "question.closes": "Se cierra",
    "question.hints": "Pistas",
    "question.hints_value": "{count} (cada una cuesta puntos)",
    "question.started_by": "iniciado por {name}",
    "question.closed": "Esta pregunta ya está cerrada: usa /quiz start para empezar otra.",
    # verdict and explanation
    "verdict.skipped": "⏭️ Saltada",
    "verdict.correct": "✅ ¡Correcto! +{points} puntos",
    "verdict.wrong": "❌ No exactamente",
    "verdict.answer": "Respuesta",
    "verdict.score": "Puntuación",
    "verdict.score_value": "{total} pts · racha {streak}",
    "explain.why": "Por qué",
    "explain.quote": "Del artículo",
    # solo summary
    "summary.stopped": "Cuestionario detenido",
    "summary.complete": "¡Cuestionario completado! 🎉",
    "summary.points": "Puntos",
    "summary.correct": "Correctas",
    "summary.skipped": "Saltadas",
    "summary.best_streak": "Mejor racha",
    "summary.rank": "Puesto en el servidor",
    "summary.footer": "/quiz start para otra ronda · /leaderboard para comparar",
    # live rounds
    "live.player_points": "{points} pts",
    "live.player_time": "en {seconds} s",
    "live.reveal_title": "Respuesta a la pregunta {position}/{total}",
    "live.answers": "Respuestas",
    "live.answers_value": "{correct}/{answered} correctas",
    "live.fastest": "Los más rápidos en acertar",
    "live.podium_stopped": "Cuestionario en directo detenido",
    "live.podium_title": "Fin del cuestionario en directo: el podio 🏆",
    "live.nobody": "Esta vez nadie respondió.",
    "live.podium_footer": "{count} preguntas · /quiz start para volver a jugar",
    "live.podium_footer_one": "{count} pregunta · /quiz start para volver a jugar",
    "live.locked_in": "🔒 Respuesta registrada. ¡Espera a la solución!",
    "live.already": "Ya respondiste a esta pregunta.",
    "live.restart_note": ("Este cuestionario en directo se interrumpió al reiniciarse el bot y "
                          "se ha cerrado."),
    "live.stopped": "Detenido. El podio está en el mensaje del cuestionario.",
    "live.stopped_by": "Detenido por {name}.",
    "review.due_now": "Para repasar ahora: {packs}",
    # buttons and forms
    "button.true": "Verdadero",
    "button.false": "Falso",
    "button.type": "Escribir respuesta",
    "button.hint": "Pista",
    "button.skip": "Saltar",
    "button.report": "Informar de un problema",
    "button.next": "Siguiente pregunta",
    "modal.question": "Pregunta {position}/{total}",
    "modal.text_label": "Tu respuesta",
    "modal.text_placeholder": "Una palabra o una frase corta",
    "modal.number_label": "Tu número",
    "modal.number_placeholder": "p. ej. 11000 o 11.000",
    "modal.order_label": "Letras en orden",
    "modal.order_placeholder": "p. ej. B A D C",
    "quiz.hint": "💡 Pista: {hint}",
    "quiz.empty_answer": "La respuesta estaba vacía: no se ha registrado nada.",
    "quiz.unavailable": "Los cuestionarios no están disponibles ahora; inténtalo en un minuto.",
    # the opt-in daily reminder
    "reminder.text": ("📚 Tienes {count} pregunta(s) para repasar. Practica ahora (unos minutos) "
                      "o desactiva estos recordatorios."),
    "reminder.review_now": "Repasar ahora",
    "reminder.turn_off": "Desactivar recordatorios",
    "reminder.on": ("Recordatorios diarios activados: un mensaje al día cuando toque repasar "
                    "({count} ahora). /reminders daily:False los desactiva."),
    "reminder.off": "Recordatorios diarios desactivados. /reminders daily:True los activa.",
    # your own data (/privacy)
    "privacy.ask_first": ("¿Borrar todo lo que quizbot guarda sobre ti en este servidor: tus "
                          "respuestas, puntos, calendario de repaso, las preguntas que hiciste y "
                          "no supo responder y tus informes de preguntas? Saldrás de las "
                          "clasificaciones de este servidor. No se puede deshacer."),
    "privacy.delete_button": "Borrar mis datos",
    "privacy.cancel_button": "Cancelar",
    "privacy.cancelled": "No se ha borrado nada.",
    "privacy.nothing": "No había nada guardado sobre ti en este servidor.",
    "privacy.deleted": ("Borrado: {answers} respuesta(s), {totals} total(es) por paquete, "
                        "{asked} pregunta(s) registrada(s), {reports} informe(s) de preguntas, "
                        "{quizzes} cuestionario(s). Las clasificaciones ya no te muestran."),
    "privacy.file": ("Todo lo que quizbot guarda sobre ti en este servidor, en JSON. "
                     "`/privacy delete` lo borra."),
    "privacy.file_alt": "Todo lo que quizbot guarda sobre ti en este servidor",
    "privacy.too_big": ("Tus datos superan el límite de subida de Discord; pídeselos a quien "
                        "aloja el bot (`quizbot privacy show` en el servidor)."),
    # reporting a question
    "report.title": "Informar de esta pregunta",
    "report.label": "¿Qué está mal o no se entiende?",
    "report.placeholder": "p. ej. mi respuesta debería valer; el enunciado tiene una errata",
    "report.thanks": ("Has informado de «{prompt}». Gracias: tu docente lo verá junto a la "
                      "pregunta en /pack report."),
}
MESSAGES: dict[str, str] = {**UI, **STAFF, **CORE}

# English command text → Spanish. Names: lowercase, no spaces, ≤ 32 characters (Discord's rule).
COMMANDS: dict[str, str] = {
    # names
    "admin": "admin", "sync": "sincronizar", "scope": "alcance", "config": "configurar",
    "roles": "roles", "instructor": "docente", "moderator": "moderador", "clear": "olvidar",
    "scores": "puntuaciones", "reset": "reiniciar", "user": "usuario", "pack": "paquete",
    "export": "exportar", "ask": "preguntar", "question": "pregunta", "public": "publico",
    "explain": "explicar", "topic": "tema", "leaderboard": "clasificacion", "period": "periodo",
    "list": "lista", "info": "info", "upload": "subir", "file": "archivo", "remove": "quitar",
    "report": "informe", "privacy": "privacidad", "show": "ver", "delete": "borrar",
    "quiz": "cuestionario", "start": "empezar", "count": "cantidad", "mode": "modo",
    "skip_unsupported": "omitir_no_admitidas", "reminders": "recordatorios",
    "daily": "diario", "spoilers": "spoilers",
    "history": "historial", "restore": "restaurar", "version": "version",
    "review": "repasar", "stop": "parar", "stats": "estadisticas", "chart": "grafico",
    "season": "temporada", "retention": "retencion", "value": "valor", "name": "nombre",
    # choices
    "solo": "solo", "live": "en directo",
    "This server (instant)": "Este servidor (al instante)",
    "Everywhere (global, up to an hour)": "En todas partes (global, hasta una hora)",
    "Remove this server's copy": "Quitar la copia de este servidor",
    "This week (since Monday, UTC)": "Esta semana (desde el lunes, UTC)",
    "This month (since the 1st, UTC)": "Este mes (desde el día 1, UTC)",
    "All time": "Siempre",
    # descriptions
    "Bot owner tools": "Herramientas del propietario del bot",
    "Publish the slash commands (bot owner only).":
        "Publica los comandos de barra (solo el propietario del bot).",
    "Where to publish (default: this server, instantly)":
        "Dónde publicar (por defecto: este servidor, al instante)",
    "quizbot settings for this server": "Ajustes de quizbot para este servidor",
    "Show or set the instructor and moderator roles.":
        "Muestra o elige los roles de docente y de moderador.",
    "Role that may stop anyone's quiz (live ones included)":
        "Rol que puede parar el cuestionario de cualquiera (también en directo)",
    "Role that may reset scores and stop quizzes":
        "Rol que puede reiniciar puntuaciones y parar cuestionarios",
    "Forget both roles (only Manage Server remains staff)":
        "Olvida ambos roles (solo Gestionar servidor sigue siendo personal)",
    "Manage this server's scores": "Gestiona las puntuaciones de este servidor",
    "Reset scores to zero (moderators; asks first).":
        "Pone las puntuaciones a cero (moderadores; pregunta antes).",
    "List the seasons, or start a new one (moderators).":
        "Lista las temporadas o empieza una nueva (moderadores).",
    "Archive this board and start a new season (moderators)":
        "Archiva esta clasificación y empieza una temporada nueva (moderadores)",
    "A name for the new season, e.g. Spring term":
        "Un nombre para la temporada nueva, p. ej. Trimestre de primavera",
    "A past season's archived board (default: this season)":
        "La clasificación archivada de una temporada pasada (por defecto: esta)",
    "Show or set how much recall spaced review aims for.":
        "Muestra o fija cuánto recuerdo busca el repaso espaciado.",
    "0.70-0.97 (default 0.90): higher means more, shorter reviews":
        "0.70-0.97 (por defecto 0.90): más alto significa repasos más frecuentes",
    "Only this player (default: everyone)": "Solo este jugador (por defecto: todos)",
    "Only points from this pack (default: all packs)":
        "Solo los puntos de este paquete (por defecto: todos)",
    "Download every answer given in this server as CSV (instructors).":
        "Descarga todas las respuestas de este servidor en CSV (docentes).",
    "Ask about the article; the answer cites it.":
        "Pregunta sobre el artículo; la respuesta lo cita.",
    "Your question, in your own words": "Tu pregunta, con tus palabras",
    "Show the answer to the whole channel (default: only you)":
        "Muestra la respuesta a todo el canal (por defecto: solo a ti)",
    "Read one explainer from the article.": "Lee una explicación del artículo.",
    "The topic to explain (start typing to search)":
        "El tema que explicar (empieza a escribir para buscar)",
    "Show it to the whole channel (default: only you)":
        "Muéstralo a todo el canal (por defecto: solo a ti)",
    "Show this server's leaderboard.": "Muestra la clasificación de este servidor.",
    "Time window (default: all time)": "Periodo (por defecto: desde siempre)",
    "Question packs": "Paquetes de preguntas",
    "List the question packs installed here.": "Lista los paquetes de preguntas instalados aquí.",
    "Show one pack: source, topics, questions.": "Muestra un paquete: fuente, temas, preguntas.",
    "The pack (start typing to search)": "El paquete (empieza a escribir para buscar)",
    "Install a pack file for this server (instructors).":
        "Instala un archivo de paquete en este servidor (docentes).",
    "A pack .yaml file (up to 1 MB); same id replaces the old one":
        "Un archivo .yaml de paquete (hasta 1 MB); el mismo id sustituye al anterior",
    "Remove one of this server's packs (instructors; asks first).":
        "Quita un paquete de este servidor (docentes; pregunta antes).",
    "One of this server's own packs (bundled packs stay)":
        "Uno de los paquetes propios del servidor (los incluidos se quedan)",
    "List the stored versions of one of this server's packs (instructors).":
        "Lista las versiones guardadas de un paquete de este servidor (docentes).",
    "Make an older version of a pack current again, as a new version (instructors).":
        "Vuelve a poner en uso una versión anterior de un paquete, como versión nueva "
        "(docentes).",
    "A pack uploaded to this server": "Un paquete subido a este servidor",
    "The version to bring back (see /pack history)":
        "La versión que recuperar (mira /pack history)",
    "Which questions fail most, and the wrong answers given (instructors).":
        "Qué preguntas se fallan más y las respuestas erróneas dadas (docentes).",
    "Your own data in this server": "Tus propios datos en este servidor",
    "Download everything quizbot stores about you here.":
        "Descarga todo lo que quizbot guarda sobre ti aquí.",
    "Delete your answers, points and history here.":
        "Borra tus respuestas, puntos e historial aquí.",
    "Play a quiz from a question pack": "Juega un cuestionario de un paquete de preguntas",
    "Start a quiz: solo practice or live in this channel":
        "Empieza un cuestionario: práctica individual o en directo en este canal",
    "The question pack": "El paquete de preguntas",
    "How many questions (1–50)": "Cuántas preguntas (1–50)",
    "solo: just you, at your pace; live: everyone here, timed":
        "solo: tú, a tu ritmo; en directo: todos aquí, con tiempo",
    "A pack: quizbot YAML, Red list, GIFT, Aiken or CSV (≤ 1 MB)":
        "Un paquete: YAML de quizbot, lista de Red, GIFT, Aiken o CSV (≤ 1 MB)",
    "Drop questions quizbot cannot hold instead of refusing the file":
        "Omite las preguntas que quizbot no admite en vez de rechazar el archivo",
    "Download a pack as quizbot YAML (instructors).":
        "Descarga un paquete como YAML de quizbot (docentes).",
    "Live: hide each revealed answer behind a spoiler (click to show)":
        "En directo: oculta cada respuesta tras un spoiler (clic para verla)",
    "Practise the questions you missed, as they fall due":
        "Repasa las preguntas que fallaste, cuando les toca",
    "Only this pack (default: the one with most to review)":
        "Solo este paquete (por defecto: el que tiene más por repasar)",
    "At most this many questions (1–50)": "Como mucho estas preguntas (1–50)",
    "Stop the live quiz in this channel (or your own quiz)":
        "Para el cuestionario en directo de este canal (o el tuyo)",
    "Points, accuracy, streaks and topics.": "Puntos, acierto, rachas y temas.",
    "Whose stats (default: yours)": "De quién (por defecto: tuyas)",
    "A daily DM when questions are due for review (off by default).":
        "Un mensaje diario cuando toca repasar (desactivado por defecto).",
    "On: one DM a day when something is due; off: no DMs":
        "Sí: un mensaje al día cuando toca repasar; no: ningún mensaje",
    "Add a chart of accuracy per topic (default: no)":
        "Añade un gráfico de acierto por tema (por defecto: no)",
}
