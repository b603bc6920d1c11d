"""Español: what the core says (the judge's reasons, the service's refusals), by the keys of
bot/core/*/phrases.py. Merged into bot/i18n/es.py's MESSAGES."""

CORE: dict[str, str] = {
    # input that is no answer at all
    "judge.empty": "Respuesta vacía: escribe algo o pulsa Saltar.",
    "judge.no_words": ("No hay palabras ni números: responde con palabras, letras o cifras "
                       "(o pulsa Saltar)."),
    "judge.too_long": "Demasiado larga: responde en {limit} caracteres como máximo.",
    # text answers
    "judge.correct": "Correcto.",
    "judge.not_quite": "No exactamente.",
    "judge.typo": "Se da por buena pese a una errata ({pairs}).",
    "judge.typos": "Se da por buena pese a unas erratas ({pairs}).",
    "judge.typo_pair": "'{typed}' por '{meant}'",
    "judge.list": "Has dado varias opciones: responde solo una.",
    "judge.negated": "No exactamente: una respuesta negada no vale; di lo que es.",
    "judge.wordy": "Demasiadas palabras: responde en pocas.",
    "judge.spelling": "No exactamente: revisa la ortografía.",
    "judge.else": "No exactamente: eso nombra otra cosa.",
    "judge.partial": "Incompleta: falta parte de la respuesta.",
    "judge.vague": "Incompleta: concreta más.",
    "judge.wrong": "No exactamente: esa no es una respuesta aceptada.",
    "judge.different_kind": "No exactamente: eso nombra otra cosa del tipo «{kind}».",
    # numbers
    "judge.number_needed": "La respuesta es un número: da uno, en cifras o en palabras.",
    "judge.several_numbers": "Has dado varios números ({shown}): responde solo uno.",
    "judge.number_pair": "{first} y {second}",
    "judge.outside_margin": "No exactamente: {given} queda fuera del margen aceptado.",
    "judge.not_the_number": "No exactamente: {given} no es el número que se pide.",
    "judge.within_margin": ("Se da por buena: {shown} está dentro del margen aceptado "
                            "(±{margin} %)."),
    # true / false
    "judge.truefalse_needed": "Responde verdadero o falso (también vale sí o no).",
    "judge.both_truths": "Has dicho verdadero y falso a la vez: responde solo uno.",
    "judge.just_truefalse": "Responde solo verdadero o falso.",
    # choices and order
    "judge.no_such_letter": "No hay opción {given}: elige una letra de la A a la {last}.",
    "judge.no_such_number": "No hay opción {given}: elige un número del 1 al {count}.",
    "judge.that_is_option": "No exactamente: esa es la opción {letter}.",
    "judge.mixed": "Respuesta mezclada: la letra y el texto señalan opciones distintas.",
    "judge.no_option": "Eso no coincide con ninguna opción: responde con una letra.",
    "judge.ambiguous": "Ambigua: coincide con varias opciones; responde con una letra.",
    "judge.order_letters": "Da las letras de las opciones en orden, cada una una vez (de la A "
                           "a la {last}).",
    "judge.order_once": "Usa cada letra de la A a la {last} exactamente una vez.",
    "judge.order_wrong": "No exactamente: ese orden no es el correcto.",
    # select-all
    "judge.select_letters": ("Da las letras de todas las opciones correctas, p. ej. A C "
                             "(opciones de la A a la {last})."),
    "judge.select_no_letter": "No hay opción {given}: elige letras de la A a la {last}.",
    "judge.select_no_number": "No hay opción {given}: elige números del 1 al {count}.",
    "judge.select_missed": "No exactamente: te faltó {missed}.",
    "judge.select_only_extra": "No exactamente: {extra}.",
    "judge.select_both": "No exactamente: te faltó {missed}; {extra}.",
    "judge.select_extra_one": "{letters} no es correcta",
    "judge.select_extra": "{letters} no son correctas",
    "judge.letters_and": "{first} y {last}",
    "judge.select_count": ("Una pregunta de selección múltiple necesita de 2 a 26 opciones "
                           "distintas."),
    "judge.select_right": ("Una pregunta de selección múltiple necesita al menos una opción "
                           "correcta entre sus opciones."),
    # questions a pack got wrong
    "judge.no_number": "La pregunta {question} no tiene un número con el que comparar.",
    "judge.no_truth": "La pregunta {question} no tiene fijado si es verdadera o falsa.",
    "judge.answer_not_a_choice": "Pregunta {question}: su respuesta no es una de sus opciones.",
    "judge.unknown_type": "La pregunta {question} es de un tipo desconocido: {kind}.",
    "judge.no_accepted": ("Una pregunta de texto necesita al menos una respuesta aceptada con "
                          "palabras."),
    "judge.no_finite": "Una pregunta numérica necesita un número finito con el que comparar.",
    "judge.bad_tolerance": "La tolerancia debe ser una fracción de 0 o más (0.05 = ±5 %).",
    "judge.choice_count": "Una pregunta de opciones necesita entre 1 y 26 opciones.",
    "judge.bad_index": "El índice de la opción correcta, {index}, está fuera de rango.",
    "judge.bad_order": ("Una pregunta de ordenar necesita opciones distintas y los mismos textos "
                        "en orden."),
    # a quiz session, review
    "play.try_again": "{reason} Inténtalo de nuevo.",
    "play.none_left": "ya no queda ninguna de esas preguntas en el paquete {pack}",
    "play.no_questions": "el paquete {pack} no tiene preguntas",
    "play.skipped": "Saltada.",
    "play.closed": "Esa pregunta ya está cerrada.",
    "play.not_yours": "Este cuestionario de práctica es de otra persona.",
    "play.already_answered": "Ya respondiste a esta pregunta.",
    "play.no_more_hints": "No quedan más pistas para esta pregunta.",
    "play.no_hints": "Esta pregunta no tiene pistas.",
    "play.time_up": "Se acabó el tiempo para esta pregunta.",
    "play.live_only": ("Este es un cuestionario en directo: las respuestas se recogen hasta que "
                       "se muestra la solución."),
    "play.retention_range": ("La retención deseada debe estar entre {low} y {high} (0.9 = 90 % "
                             "de recuerdo cuando toca repasar una tarjeta); se indicó {value}."),
    "play.in_a_minute": "en aproximadamente un minuto",
    "play.in_minutes": "en unos {count} minutos",
    "play.in_an_hour": "en aproximadamente {count} hora",
    "play.in_hours": "en unas {count} horas",
    "play.in_days": "en {count} días",
    # the database, busy
    "store.busy": ("la base de datos está ocupada: otro proceso de quizbot la tuvo bloqueada más "
                   "de {seconds} s; no se ha guardado nada, vuelve a intentarlo en un momento"),
    # the pack library
    "packs.none_installed": "no hay paquetes instalados",
    "packs.unknown_none": "no existe el paquete '{pack}': no hay paquetes instalados",
    "packs.unknown": "no existe el paquete '{pack}' (instalados: {installed})",
    "packs.unknown_close": ("no existe el paquete '{pack}'; ¿quisiste decir '{close}'? "
                            "(instalados: {installed})"),
    # pictures and charts in words, for screen readers
    "chart.alt": "Gráfico {kind}, {title}. {points}.",
    "chart.alt_source": "Gráfico {kind}, {title}. {points}. Fuente: {source}",
    "chart.kind.bar": "de barras",
    "chart.kind.line": "de líneas",
    "media.picture_alt": "Una imagen para esta pregunta ({name})",
    # who may do what
    "access.moderators": "Solo los moderadores pueden {doing}.",
    "access.instructors": "Solo los docentes pueden {doing}.",
    "access.manage_server": ("Solo los miembros con Gestionar servidor pueden configurar los "
                             "roles de quizbot."),
    "access.stop_quiz": ("Solo quien inició este cuestionario, un docente o un moderador puede "
                         "detenerlo."),
    "doing.reset scores": "reiniciar las puntuaciones",
    "doing.start a new season": "empezar una nueva temporada",
    "doing.change the review retention": "cambiar la retención del repaso",
    "doing.install packs": "instalar paquetes",
    "doing.see pack versions": "ver las versiones de un paquete",
    "doing.remove packs": "quitar paquetes",
    "doing.accept answers": "aceptar respuestas",
    "doing.see question reports": "ver los informes de preguntas",
    "doing.export the gradebook": "exportar el libro de calificaciones",
    "doing.export scores": "exportar las puntuaciones",
    "doing.restore pack versions": "restaurar versiones de un paquete",
    # quizzes
    "quiz.count_range": "el número de preguntas debe estar entre 1 y {limit}; se pidieron {count}",
    "quiz.needs_channel": "Un cuestionario en directo necesita un canal.",
    "quiz.live_running": ("Ya hay un cuestionario en directo en este canal; /quiz stop lo "
                          "termina."),
    "quiz.empty": "Respuesta vacía: escribe algo o sáltala.",
    "quiz.solo": "Este es un cuestionario individual.",
    "quiz.gone": "Ese cuestionario ya no existe; /quiz start empieza uno nuevo.",
    "quiz.gone_review": "Ese cuestionario ya no existe; /quiz review empieza uno nuevo.",
    "quiz.question_gone": "Esa pregunta ya no está en su paquete.",
    "quiz.recorded": "Esa respuesta ya se había registrado.",
    # review
    "review.nothing_anywhere": ("No tienes nada que repasar en ninguno de tus servidores: las "
                                "preguntas que falles volverán aquí cuando toque."),
    "review.nothing": ("Nada que repasar: cada pregunta que respondas volverá aquí cuando "
                       "toque."),
    "review.not_yet": "Aún no toca repasar nada: el próximo repaso será {wait}.",
    "ask.refusal": "Eso no lo sé a partir de los paquetes instalados.",
    "ask.no_explainer": "No hay ninguna explicación llamada {topic}; prueba con /ask.",
    # uploads and packs
    "upload.too_big": "{file}: {size:,} bytes supera el límite de {limit:,}",
    "upload.bundled_id": ("{file}: '{pack}' es el id de un paquete incluido; ponle otro id a tu "
                          "paquete"),
    "upload.too_many_packs": "este servidor ya tiene {limit} paquetes; quita uno primero",
    "upload.too_many_questions": ("{file}: los paquetes de este servidor sumarían {count:,} "
                                  "preguntas, por encima del límite de {limit:,}; quita un "
                                  "paquete primero"),
    "packs.bundled_remove": "'{pack}' es un paquete incluido; no se puede quitar.",
    "packs.not_this_server": "'{pack}' no es uno de los paquetes de este servidor.",
    "packs.bundled_change": ("'{pack}' es un paquete incluido y no se puede cambiar aquí: "
                             "expórtalo, ponle un id nuevo e instala ese."),
    "packs.no_question": "'{pack}' no tiene ninguna pregunta '{question}'.",
    "accept.empty": "Indica la respuesta que quieres aceptar.",
    "accept.already_text": "'{answer}' ya se da por buena en {question}.",
    "accept.no_choice": "'{answer}' no nombra ninguna de las opciones de {question}.",
    "accept.already_choice": "'{answer}' ya es correcta en {question}.",
    "accept.no_list": ("{question} es una pregunta de tipo {kind}: no tiene una lista de "
                       "respuestas a la que añadir; cambia su respuesta en el paquete."),
    # pack versions
    "versions.none_uploaded": ("'{pack}' no tiene versiones subidas en este servidor (los "
                               "paquetes incluidos y los que nunca se subieron aquí no tienen)."),
    "versions.none": "'{pack}' no tiene versiones subidas en este servidor.",
    "versions.no_such": ("'{pack}' no tiene la versión {version}; sus versiones van de la 1 a la "
                         "{last} (mira /pack history)."),
    "versions.current": "La versión {version} de '{pack}' ya es la actual.",
    # reports of a question
    "report.reason_length": ("Da un motivo de {low} a {high} caracteres (qué está mal o no se "
                             "entiende)."),
    "report.gone": "Ese cuestionario ya no existe, así que no se puede informar de él.",
    "report.not_revealed": "Solo se puede informar de una pregunta cuya respuesta ya se mostró.",
    "report.already": ("Ya informaste de esta pregunta; tu docente lo ve en el informe de "
                       "preguntas."),
    "report.daily_limit": "Puedes informar de {limit} preguntas al día como máximo.",
    # privacy, standings
    "privacy.live_first": ("Detén primero tu cuestionario en directo (/quiz stop) y luego borra "
                           "tus datos."),
    "season.name_length": "El nombre de una temporada puede tener 80 caracteres como máximo.",
    "board.period": "el periodo debe ser uno de {periods}; se indicó {period}",
    "board.per_page": "per_page debe estar entre 1 y 25",
    "board.no_season": "No existe la temporada {season}: este servidor está en la temporada "
                       "{current}.",
}
