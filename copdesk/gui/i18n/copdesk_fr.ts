<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About copdesk</source>
        <translation>À propos de copdesk</translation>
    </message>
    <message>
        <source>Experience reports, know-how sheets and skills for communities of practice, shared between sites.</source>
        <translation>Retours d&apos;expérience, fiches savoir-faire et compétences pour les communautés de pratique, partagés entre sites.</translation>
    </message>
    <message>
        <source>Database schema %1 · bundle format %2</source>
        <translation>Schéma de base de données %1 · format de paquet d&apos;échange %2</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy these versions, for a question or a bug report</source>
        <translation>Copier ces versions, pour une question ou un signalement de bogue</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <source>Ask a question</source>
        <translation>Poser une question</translation>
    </message>
    <message>
        <source>The whole site</source>
        <translation>Tout le site</translation>
    </message>
    <message>
        <source>Which seal kit for the P12 press?</source>
        <translation>Quel kit de joints pour la presse P12 ?</translation>
    </message>
    <message>
        <source>hydraulics, seals</source>
        <translation>hydraulique, joints</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>Communauté :</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question :</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Précisions :</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Mots-clés :</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Poser</translation>
    </message>
    <message>
        <source>Write the question first.</source>
        <translation>Écrivez d&apos;abord la question.</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Drop files anywhere on this window to attach them.</source>
        <translation>Déposez des fichiers n&apos;importe où dans cette fenêtre pour les joindre.</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove a file not saved yet</source>
        <translation>Retirer un fichier pas encore enregistré</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Drop photos or PDFs here, or use Attach files…</source>
        <translation>Déposez ici des photos ou des PDF, ou utilisez Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (pas encore enregistré)</translation>
    </message>
    <message>
        <source>Attached when you save: %1</source>
        <translation>Joint à l&apos;enregistrement : %1</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
</context>
<context>
    <name>CommunityActions</name>
    <message>
        <source>Ask a question</source>
        <translation>Poser une question</translation>
    </message>
    <message>
        <source>Answer the question</source>
        <translation>Répondre à la question</translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <source>Ask a question</source>
        <translation>Poser une question</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Health dashboard</source>
        <translation>Tableau de bord de santé</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Looks like %1: %2</source>
        <translation>Ressemble à %1 : %2</translation>
    </message>
    <message>
        <source>Members by role</source>
        <translation>Membres par rôle</translation>
    </message>
    <message>
        <source>No member yet.</source>
        <translation>Pas encore de membre.</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Historique des étapes</translation>
    </message>
    <message>
        <source>No stage recorded.</source>
        <translation>Aucune étape enregistrée.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Active members: %1 in 90 days, %2 in 30 days. Contributions in 30 days: %3.</source>
        <translation>Membres actifs : %1 sur 90 jours, %2 sur 30 jours. Contributions sur 30 jours : %3.</translation>
    </message>
    <message>
        <source>Contributions per month</source>
        <translation>Contributions par mois</translation>
    </message>
    <message>
        <source>Open questions (%1)</source>
        <translation>Questions ouvertes (%1)</translation>
    </message>
    <message>
        <source>No open question.</source>
        <translation>Aucune question ouverte.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Turn into a know-how sheet</source>
        <translation>En faire une fiche savoir-faire</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>pas encore de réponse</translation>
    </message>
    <message>
        <source>1 answer</source>
        <translation>1 réponse</translation>
    </message>
    <message>
        <source>%1 answers</source>
        <translation>%1 réponses</translation>
    </message>
    <message>
        <source>Charter</source>
        <translation>Charte</translation>
    </message>
    <message>
        <source>No charter yet.</source>
        <translation>Pas encore de charte.</translation>
    </message>
    <message>
        <source>Members and roles…</source>
        <translation>Membres et rôles…</translation>
    </message>
    <message>
        <source>Leave…</source>
        <translation>Quitter…</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Deleted on %1 by %2.</source>
        <translation>Supprimé le %1 par %2.</translation>
    </message>
    <message>
        <source>Its history keeps every version: restore one from there.</source>
        <translation>Son historique garde toutes les versions : restaurez-en une depuis celui-ci.</translation>
    </message>
    <message>
        <source>Open its history</source>
        <translation>Ouvrir son historique</translation>
    </message>
    <message>
        <source>Answers (%1)</source>
        <translation>Réponses (%1)</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>retenue</translation>
    </message>
    <message>
        <source>Turn into an experience report</source>
        <translation>En faire un retour d&apos;expérience</translation>
    </message>
</context>
<context>
    <name>ComputerPage</name>
    <message>
        <source>Tie</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>no daily backup</source>
        <translation>pas de sauvegarde quotidienne</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>No daily backup</source>
        <translation>Pas de sauvegarde quotidienne</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>This computer&apos;s login:</source>
        <translation>Session de cet ordinateur :</translation>
    </message>
    <message>
        <source>Tied to:</source>
        <translation>Liée à :</translation>
    </message>
    <message>
        <source>The person tied to this login is never asked for a PIN on this computer.</source>
        <translation>La personne liée à cette session n&apos;a jamais à donner son code PIN sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Remember a PIN for:</source>
        <translation>Retenir un code PIN pendant :</translation>
    </message>
    <message>
        <source>Daily backup to:</source>
        <translation>Sauvegarde quotidienne dans :</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnue)</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>Daily backup folder</source>
        <translation>Dossier de la sauvegarde quotidienne</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Write a version that takes fields from each</source>
        <translation>Écrire une version qui reprend des champs de chacune</translation>
    </message>
    <message>
        <source>No conflicts: every item has one version.</source>
        <translation>Aucun conflit : chaque élément n&apos;a qu&apos;une version.</translation>
    </message>
    <message>
        <source>Edited at two sites before they exchanged. Differing fields are highlighted.</source>
        <translation>Modifié sur deux sites avant leur échange. Les champs qui diffèrent sont surlignés.</translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>auteur inconnu</translation>
    </message>
    <message>
        <source>(shown now)</source>
        <translation>(affichée actuellement)</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Garder cette version</translation>
    </message>
</context>
<context>
    <name>Contributions</name>
    <message>
        <source>My contributions</source>
        <translation>Mes contributions</translation>
    </message>
    <message>
        <source>No current person: set one with “copdesk use NAME”.</source>
        <translation>Aucune personne courante : choisissez-la avec « copdesk use NOM ».</translation>
    </message>
    <message>
        <source>%1 recognition points, %2 of them beyond authoring</source>
        <translation>%1 points de reconnaissance, dont %2 au-delà de la rédaction</translation>
    </message>
    <message>
        <source>Reports and sheets written</source>
        <translation>REX et fiches rédigés</translation>
    </message>
    <message>
        <source>Questions asked</source>
        <translation>Questions posées</translation>
    </message>
    <message>
        <source>Items validated</source>
        <translation>Éléments validés</translation>
    </message>
    <message>
        <source>Answers given</source>
        <translation>Réponses données</translation>
    </message>
    <message>
        <source>Answers accepted</source>
        <translation>Réponses retenues</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Items you marked as helpful or applied</source>
        <translation>Éléments que vous avez marqués utiles ou appliqués</translation>
    </message>
    <message>
        <source>Your items marked “this helped me”</source>
        <translation>Vos éléments marqués « ça m&apos;a aidé »</translation>
    </message>
    <message>
        <source>Your items marked “applied here”</source>
        <translation>Vos éléments marqués « appliqué ici »</translation>
    </message>
    <message>
        <source>… of these marks, from other sites</source>
        <translation>… dont marques venues d&apos;autres sites</translation>
    </message>
    <message>
        <source>Points: validating 3, answering 2, an accepted answer +3, marking what helped you 1, commenting 1, writing a report or sheet 2, asking 1; each of your items marked helped 2, applied 3, +2 when the mark comes from another site.</source>
        <translation>Points : valider 3, répondre 2, une réponse retenue +3, marquer ce qui vous a aidé 1, commenter 1, rédiger un REX ou une fiche 2, poser une question 1 ; chacun de vos éléments marqué utile 2, appliqué 3, +2 quand la marque vient d&apos;un autre site.</translation>
    </message>
    <message>
        <source>Where your knowledge was reused</source>
        <translation>Où vos savoirs ont été réutilisés</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Rédigés</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validés</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>No marks yet on your items.</source>
        <translation>Aucune marque pour l&apos;instant sur vos éléments.</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>m&apos;a aidé</translation>
    </message>
    <message>
        <source>applied here</source>
        <translation>appliqué ici</translation>
    </message>
    <message>
        <source>★ from another site</source>
        <translation>★ venue d&apos;un autre site</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>retenue</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>This workspace is a copy</source>
        <translation>Cet espace de travail est une copie</translation>
    </message>
    <message>
        <source>This workspace is a copy of the site %1: it can be read, but nothing is written or exported until you decide what it is.</source>
        <translation>Cet espace de travail est une copie du site %1 : on peut le lire, mais rien n&apos;est écrit ni exporté tant que vous n&apos;avez pas décidé de ce qu&apos;il est.</translation>
    </message>
    <message>
        <source>A new site of its own (a new name and key)</source>
        <translation>Un nouveau site à part entière (nouveau nom et nouvelle clé)</translation>
    </message>
    <message>
        <source>Name of the new site, e.g. Usine de Lyon (2)</source>
        <translation>Nom du nouveau site, par ex. Usine de Lyon (2)</translation>
    </message>
    <message>
        <source>Keep it read-only (for reading)</source>
        <translation>Le garder en lecture seule (pour consultation)</translation>
    </message>
    <message>
        <source>This is the site, moved here (the original is never used again)</source>
        <translation>C&apos;est le site, déplacé ici (l&apos;original ne servira plus jamais)</translation>
    </message>
    <message>
        <source>This is the site, whose key was lost: make a new key (peers trust it again)</source>
        <translation>C&apos;est le site, dont la clé est perdue : créer une nouvelle clé (les autres sites lui refont confiance)</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Décider</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Give the new site a name.</source>
        <translation>Donnez un nom au nouveau site.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import a register (CSV)</source>
        <translation>Importer un registre (CSV)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Import the good rows and list the bad ones</source>
        <translation>Importer les lignes correctes et lister les mauvaises</translation>
    </message>
    <message>
        <source>Columns are matched to fields by their name (English or French). Without skipping, one bad row refuses the whole file and nothing is written.</source>
        <translation>Les colonnes sont associées aux champs par leur nom (français ou anglais). Sans cette option, une seule mauvaise ligne fait refuser tout le fichier et rien n&apos;est écrit.</translation>
    </message>
    <message>
        <source>Rows are:</source>
        <translation>Les lignes sont :</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Register to import</source>
        <translation>Registre à importer</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the file first.</source>
        <translation>Choisissez d&apos;abord le fichier.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Active in the last 30 days</source>
        <translation>Actifs sur les 30 derniers jours</translation>
    </message>
    <message>
        <source>Active in the last 90 days</source>
        <translation>Actifs sur les 90 derniers jours</translation>
    </message>
    <message>
        <source>Core contributors (3+ in 90 days)</source>
        <translation>Contributeurs réguliers (3+ en 90 jours)</translation>
    </message>
    <message>
        <source>Occasional contributors</source>
        <translation>Contributeurs occasionnels</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <source>Contributions in 30 days</source>
        <translation>Contributions sur 30 jours</translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation>Questions ouvertes</translation>
    </message>
    <message>
        <source>Median time to a first answer (hours)</source>
        <translation>Délai médian de première réponse (heures)</translation>
    </message>
    <message>
        <source>Waiting for validation</source>
        <translation>En attente de validation</translation>
    </message>
    <message>
        <source>Past their review date</source>
        <translation>Date de revue dépassée</translation>
    </message>
    <message>
        <source>Whole site</source>
        <translation>Tout le site</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Declared stage</source>
        <translation>Étape déclarée</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Ressemble à</translation>
    </message>
    <message>
        <source>Community health: %1</source>
        <translation>Santé de la communauté : %1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Contributions per month</source>
        <translation>Contributions par mois</translation>
    </message>
    <message>
        <source>Sites taking part (contributions in 90 days)</source>
        <translation>Sites participants (contributions sur 90 jours)</translation>
    </message>
    <message>
        <source>No contribution in 90 days.</source>
        <translation>Aucune contribution depuis 90 jours.</translation>
    </message>
    <message>
        <source>Declared stage: %1</source>
        <translation>Étape déclarée : %1</translation>
    </message>
    <message>
        <source>Diagnosis: looks like %1</source>
        <translation>Diagnostic : ressemble à %1</translation>
    </message>
    <message>
        <source>Diagnosis: the activity matches the declared stage.</source>
        <translation>Diagnostic : l&apos;activité correspond à l&apos;étape déclarée.</translation>
    </message>
    <message>
        <source>Guidance for the animator</source>
        <translation>Conseils pour l&apos;animateur</translation>
    </message>
    <message>
        <source>Validated at another site, not recognised here</source>
        <translation>Validés sur un autre site, non reconnus ici</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Export to CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>Rapport PDF…</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <source>Contributions per month</source>
        <translation>Contributions par mois</translation>
    </message>
    <message>
        <source>Members by activity in 90 days</source>
        <translation>Membres selon leur activité sur 90 jours</translation>
    </message>
    <message>
        <source>Sites taking part (90 days)</source>
        <translation>Sites participants (90 jours)</translation>
    </message>
    <message>
        <source>Whole site</source>
        <translation>Tout le site</translation>
    </message>
    <message>
        <source>Figures of %1</source>
        <translation>Chiffres du %1</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>Contributions per month (%1)</source>
        <translation>Contributions par mois (%1)</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>Réguliers</translation>
    </message>
    <message>
        <source>Occasional</source>
        <translation>Occasionnels</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Export the dashboard figures</source>
        <translation>Exporter les chiffres du tableau de bord</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the health report</source>
        <translation>Enregistrer le rapport de santé</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Fill in today&apos;s date</source>
        <translation>Mettre la date du jour</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Pas de date</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Drop files here (PDF, Word, Excel, OpenDocument, text): each becomes a document whose text is searched.</source>
        <translation>Déposez des fichiers ici (PDF, Word, Excel, OpenDocument, texte) : chacun devient un document dont le texte est cherché.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Revue à faire</translation>
    </message>
    <message>
        <source>What could not be read</source>
        <translation>Ce qui n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <source>%1 not read yet</source>
        <translation>%1 pas encore lu(s)</translation>
    </message>
    <message>
        <source>Add files as documents</source>
        <translation>Ajouter des fichiers comme documents</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.xlsx *.odt *.ods *.txt *.md *.csv)</source>
        <translation>Documents (*.pdf *.docx *.xlsx *.odt *.ods *.txt *.md *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The two versions have the same text.</source>
        <translation>Les deux versions ont le même texte.</translation>
    </message>
    <message>
        <source>What changed in the text</source>
        <translation>Ce qui a changé dans le texte</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Versions of the files</source>
        <translation>Versions des fichiers</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>ce qui a changé</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>New experience report (Ctrl+N)</source>
        <translation>Nouveau retour d&apos;expérience (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit this item (Ctrl+E)</source>
        <translation>Modifier cet élément (Ctrl+E)</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Ask an expert or animator to validate it</source>
        <translation>Demander à un expert ou à l&apos;animateur de le valider</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Checked by an expert: it can be applied elsewhere</source>
        <translation>Vérifié par un expert : il peut être appliqué ailleurs</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>Renvoyer…</translation>
    </message>
    <message>
        <source>Back to draft, with a comment saying what to fix</source>
        <translation>Retour en brouillon, avec un commentaire disant quoi corriger</translation>
    </message>
    <message>
        <source>Nothing to save here: open an editor with Ctrl+N or Edit.</source>
        <translation>Rien à enregistrer ici : ouvrez un éditeur avec Ctrl+N ou Modifier.</translation>
    </message>
    <message>
        <source>Proposed for validation.</source>
        <translation>Proposé pour validation.</translation>
    </message>
    <message>
        <source>Validated.</source>
        <translation>Validé.</translation>
    </message>
    <message>
        <source>Sent back to its author as a draft.</source>
        <translation>Renvoyé à son auteur en brouillon.</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>What should be fixed in “%1”? The author sees this comment.</source>
        <translation>Que faut-il corriger dans « %1 » ? L&apos;auteur verra ce commentaire.</translation>
    </message>
    <message>
        <source>A comment is required: say what to fix. Nothing was sent back.</source>
        <translation>Un commentaire est obligatoire : dites quoi corriger. Rien n&apos;a été renvoyé.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Start from a template:</source>
        <translation>Partir d&apos;un modèle :</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Preview, as it will be read</source>
        <translation>Aperçu, tel qu&apos;il sera lu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveau : %1</translation>
    </message>
    <message>
        <source>Recovered text restored: save it.</source>
        <translation>Texte récupéré et rétabli : enregistrez-le.</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>Vierge</translation>
    </message>
    <message>
        <source>Text typed on %1 was not saved. Restore it?</source>
        <translation>Le texte saisi le %1 n&apos;a pas été enregistré. Le restaurer ?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>L&apos;abandonner</translation>
    </message>
    <message>
        <source>Draft kept at %1</source>
        <translation>Brouillon conservé à %1</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <source>One field needs attention before saving.</source>
        <translation>Un champ est à revoir avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <source>%1 fields need attention before saving.</source>
        <translation>%1 champs sont à revoir avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved, but not attached: %1</source>
        <translation>Enregistré, mais non joint : %1</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Enregistré à %1</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>Erreur interne : %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>Enregistrer les modifications de « %1 » ?</translation>
    </message>
    <message>
        <source>If you discard them, what you typed is lost.</source>
        <translation>Si vous les abandonnez, ce que vous avez saisi sera perdu.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ExchangeView</name>
    <message>
        <source>Copying the bundle…</source>
        <translation>Copie du paquet…</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>Vérification du paquet…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>Mise à jour de l&apos;index de recherche…</translation>
    </message>
    <message>
        <source>%1 revisions written…</source>
        <translation>%1 révisions écrites…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Synchronizing…</source>
        <translation>Synchronisation…</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export a bundle</source>
        <translation>Exporter un paquet d&apos;échange</translation>
    </message>
    <message>
        <source>Tick communities to export only their items</source>
        <translation>Cochez des communautés pour n&apos;exporter que leurs éléments</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <source>Everything shareable</source>
        <translation>Tout ce qui est partageable</translation>
    </message>
    <message>
        <source>%1 (what it lacks)</source>
        <translation>%1 (ce qui lui manque)</translation>
    </message>
    <message>
        <source>copdesk bundles (*%1)</source>
        <translation>Paquets d&apos;échange copdesk (*%1)</translation>
    </message>
    <message>
        <source>Exported %1 revisions and no attachment to %3.</source>
        <translation>%1 révisions et aucune pièce jointe exportées dans %3.</translation>
    </message>
    <message>
        <source>Exported %1 revisions and 1 attachment to %3.</source>
        <translation>%1 révisions et 1 pièce jointe exportées dans %3.</translation>
    </message>
    <message>
        <source>Exported %1 revisions and %2 attachments to %3.</source>
        <translation>%1 révisions et %2 pièces jointes exportées dans %3.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé : rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All communities</source>
        <translation>Toutes les communautés</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Toute priorité</translation>
    </message>
    <message>
        <source>Any form</source>
        <translation>Toute forme</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Toute étape</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Tous les domaines</translation>
    </message>
    <message>
        <source>Filter this list…</source>
        <translation>Filtrer cette liste…</translation>
    </message>
    <message>
        <source>Updated any time</source>
        <translation>Toutes dates de mise à jour</translation>
    </message>
    <message>
        <source>Updated in the last %1 days</source>
        <translation>Mis à jour ces %1 derniers jours</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 éléments</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 sur %2 éléments</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to copdesk</source>
        <translation>Bienvenue dans copdesk</translation>
    </message>
    <message>
        <source>Create the workspace of this site</source>
        <translation>Créer l&apos;espace de travail de ce site</translation>
    </message>
    <message>
        <source>copdesk keeps your experience reports, know-how sheets and skills on this computer. Other sites will know this one by its name.</source>
        <translation>copdesk conserve vos retours d&apos;expérience, fiches savoir-faire et compétences sur cet ordinateur. Les autres sites connaîtront celui-ci par son nom.</translation>
    </message>
    <message>
        <source>e.g. Usine de Lyon</source>
        <translation>p. ex. Usine de Lyon</translation>
    </message>
    <message>
        <source>Load the demo content (a few communities and reports)</source>
        <translation>Charger le contenu de démonstration (quelques communautés et REX)</translation>
    </message>
    <message>
        <source>You can rename the site later (Edit ▸ Rename this site); the language is the default for new items.</source>
        <translation>Vous pourrez renommer le site plus tard (Édition ▸ Renommer ce site) ; la langue est celle des nouveaux éléments par défaut.</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>Nom du site :</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
    <message>
        <source>A search for any term of a group finds them all (acronyms, synonyms, both languages).</source>
        <translation>Chercher n&apos;importe quel terme d&apos;un groupe les trouve tous (sigles, synonymes, dans les deux langues).</translation>
    </message>
    <message>
        <source>TRS, taux de rendement synthétique, OEE</source>
        <translation>TRS, taux de rendement synthétique, OEE</translation>
    </message>
    <message>
        <source>Add the group</source>
        <translation>Ajouter le groupe</translation>
    </message>
    <message>
        <source>Remove the selected term</source>
        <translation>Retirer le terme choisi</translation>
    </message>
    <message>
        <source>Give two terms or more, separated by commas.</source>
        <translation>Donnez au moins deux termes, séparés par des virgules.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No difference.</source>
        <translation>Aucune différence.</translation>
    </message>
    <message>
        <source>Select a version to compare it with the one before it, or two versions (Ctrl+click) to compare them.</source>
        <translation>Sélectionnez une version pour la comparer à la précédente, ou deux versions (Ctrl+clic) pour les comparer.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Restore this version…</source>
        <translation>Restaurer cette version…</translation>
    </message>
    <message>
        <source>Differences between the two versions</source>
        <translation>Différences entre les deux versions</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>Historique de « %1 »</translation>
    </message>
    <message>
        <source>created</source>
        <translation>création</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauration</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusion</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actuelle</translation>
    </message>
    <message>
        <source>private draft</source>
        <translation>brouillon privé</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>%1 champs</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Comparing %1 with %2.</source>
        <translation>Comparaison de %1 avec %2.</translation>
    </message>
    <message>
        <source>nothing (creation)</source>
        <translation>rien (création)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Restaurer cette version</translation>
    </message>
    <message>
        <source>Make the version of %1 current again? The current content stays in the history and can be restored in turn.</source>
        <translation>Rendre de nouveau actuelle la version du %1 ? Le contenu actuel reste dans l&apos;historique et pourra être restauré à son tour.</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Nothing here.</source>
        <translation>Rien ici.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>Writing as %1.</source>
        <translation>Vous écrivez en tant que %1.</translation>
    </message>
    <message>
        <source>No current person: new items will have no author.</source>
        <translation>Aucune personne courante : les nouveaux éléments n&apos;auront pas d&apos;auteur.</translation>
    </message>
    <message>
        <source>Updated since your last visit</source>
        <translation>Mis à jour depuis votre dernière visite</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>Mis à jour récemment</translation>
    </message>
    <message>
        <source>Waiting for validation</source>
        <translation>En attente de validation</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Revue à faire</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>Mes brouillons</translation>
    </message>
</context>
<context>
    <name>ILUO</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>in training (I)</source>
        <translation>en formation (I)</translation>
    </message>
    <message>
        <source>with supervision (L)</source>
        <translation>sous supervision (L)</translation>
    </message>
    <message>
        <source>autonomous (U)</source>
        <translation>autonome (U)</translation>
    </message>
    <message>
        <source>expert, trains others (O)</source>
        <translation>expert, forme les autres (O)</translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <source>This site</source>
        <translation>Ce site</translation>
    </message>
    <message>
        <source>Copy the trust command</source>
        <translation>Copier la commande de confiance</translation>
    </message>
    <message>
        <source>The command another site runs to trust this one (paste it in an e-mail)</source>
        <translation>La commande qu&apos;un autre site exécute pour faire confiance à celui-ci (à coller dans un e-mail)</translation>
    </message>
    <message>
        <source>Site id: %1</source>
        <translation>Identifiant du site : %1</translation>
    </message>
    <message>
        <source>Key fingerprint: %1</source>
        <translation>Empreinte de la clé : %1</translation>
    </message>
    <message>
        <source>Trust command copied.</source>
        <translation>Commande de confiance copiée.</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Import a bundle</source>
        <translation>Importer un paquet d&apos;échange</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Trust this site</source>
        <translation>Faire confiance à ce site</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>copdesk bundles (*%1);;All files (*)</source>
        <translation>Paquets d&apos;échange copdesk (*%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <source>Imported from %1: %2 new, %3 updated, %4 in conflict.</source>
        <translation>Importé de %1 : %2 nouveaux, %3 mis à jour, %4 en conflit.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé : rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>This bundle is signed by a site you do not trust: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Key fingerprint: &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Trust it only if that site&apos;s own Exchange view shows the same fingerprint.</source>
        <translation>Ce paquet est signé par un site auquel vous ne faites pas confiance : &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Empreinte de la clé : &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Ne lui faites confiance que si la vue Échanges de ce site affiche la même empreinte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; of %1 from &lt;b&gt;%2&lt;/b&gt;: %3 new, %4 updated, %5 unchanged, %6 in conflict. Nothing is written until you apply it.</source>
        <translation>&lt;b&gt;Aperçu&lt;/b&gt; de %1 venant de &lt;b&gt;%2&lt;/b&gt; : %3 nouveaux, %4 mis à jour, %5 inchangés, %6 en conflit. Rien n&apos;est écrit tant que vous n&apos;appliquez pas.</translation>
    </message>
    <message>
        <source>Choose a bundle: you will see what it changes before applying it.</source>
        <translation>Choisissez un paquet : vous verrez ce qu&apos;il change avant de l&apos;appliquer.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>%1, in conflict</source>
        <translation>%1, en conflit</translation>
    </message>
    <message>
        <source>in conflict</source>
        <translation>en conflit</translation>
    </message>
    <message>
        <source>Trust their site…</source>
        <translation>Faire confiance à leur site…</translation>
    </message>
    <message>
        <source>Revisions of a site not trusted here were held back: trust it to take them</source>
        <translation>Des révisions d&apos;un site non approuvé ici ont été mises en attente : faites-lui confiance pour les prendre</translation>
    </message>
    <message>
        <source>%1 revisions held back (not taken; they come again with a later bundle).</source>
        <translation>%1 révisions mises en attente (non prises ; elles reviendront avec un prochain paquet).</translation>
    </message>
    <message>
        <source>held back (%1): %2</source>
        <translation>en attente (%1) : %2</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Markdown: **bold**, - list, 1. steps, | table |</source>
        <translation>Markdown : **gras**, - liste, 1. étapes, | tableau |</translation>
    </message>
    <message>
        <source>Type or choose a name</source>
        <translation>Tapez ou choisissez un nom</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Noms, séparés par des virgules</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Séparés par des virgules</translation>
    </message>
    <message>
        <source>Required: please fill this in.</source>
        <translation>Obligatoire : à remplir.</translation>
    </message>
    <message>
        <source>A date like 2026-03-14 (year-month-day).</source>
        <translation>Une date comme 2026-03-14 (année-mois-jour).</translation>
    </message>
    <message>
        <source>Not in the list: choose an existing name.</source>
        <translation>Absent de la liste : choisissez un nom existant.</translation>
    </message>
    <message>
        <source>Unknown name: %1</source>
        <translation>Nom inconnu : %1</translation>
    </message>
    <message>
        <source>Sharing and review</source>
        <translation>Partage et revue</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
</context>
<context>
    <name>ItemPane</name>
    <message>
        <source>related</source>
        <translation>lié</translation>
    </message>
    <message>
        <source>supersedes</source>
        <translation>remplace</translation>
    </message>
    <message>
        <source>applies</source>
        <translation>applique</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Linked from</source>
        <translation>Cité par</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>History (1 version)</source>
        <translation>Historique (1 version)</translation>
    </message>
    <message>
        <source>History (%1 versions)</source>
        <translation>Historique (%1 versions)</translation>
    </message>
    <message>
        <source>From %1, created %2</source>
        <translation>De %1, créé le %2</translation>
    </message>
    <message>
        <source>in conflict</source>
        <translation>en conflit</translation>
    </message>
    <message>
        <source>animator</source>
        <translation>animateur</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>expert</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>contributeur</translation>
    </message>
    <message>
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <source>sponsor</source>
        <translation>sponsor</translation>
    </message>
    <message>
        <source>since</source>
        <translation>depuis</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>No report or sheet written yet.</source>
        <translation>Aucun retour ni aucune fiche écrits pour l&apos;instant.</translation>
    </message>
    <message>
        <source>wants to learn</source>
        <translation>souhaite apprendre</translation>
    </message>
    <message>
        <source>wants to teach</source>
        <translation>souhaite transmettre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Member of no community.</source>
        <translation>Membre d&apos;aucune communauté.</translation>
    </message>
    <message>
        <source>%1 skills, %2 autonomous or expert</source>
        <translation>%1 compétences, %2 autonome(s) ou expert(es)</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>expire le</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>valide jusqu&apos;au</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>experience report</source>
        <translation>retour d&apos;expérience</translation>
    </message>
    <message>
        <source>know-how sheet</source>
        <translation>fiche savoir-faire</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Survenu le</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Links of “%1”</source>
        <translation>Liens de « %1 »</translation>
    </message>
    <message>
        <source>Remove the link</source>
        <translation>Retirer le lien</translation>
    </message>
    <message>
        <source>Search the item to link to…</source>
        <translation>Chercher l&apos;élément à lier…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>Comme :</translation>
    </message>
    <message>
        <source>Links now:</source>
        <translation>Liens actuels :</translation>
    </message>
    <message>
        <source>Link to:</source>
        <translation>Lier à :</translation>
    </message>
    <message>
        <source>No link yet.</source>
        <translation>Pas encore de lien.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>copdesk</source>
        <translation>copdesk</translation>
    </message>
    <message>
        <source>Search everywhere (Ctrl+K)</source>
        <translation>Rechercher partout (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Search everywhere</source>
        <translation>Rechercher partout</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Reading pane</source>
        <translation>Volet de lecture</translation>
    </message>
    <message>
        <source>The item selected, as it reads</source>
        <translation>L&apos;élément sélectionné, tel qu&apos;il se lit</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Experience reports</source>
        <translation>Retours d&apos;expérience</translation>
    </message>
    <message>
        <source>Know-how sheets</source>
        <translation>Fiches savoir-faire</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Risques</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>My contributions</source>
        <translation>Mes contributions</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Travail en cours</translation>
    </message>
    <message>
        <source>Writing as</source>
        <translation>Écrit en tant que</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Site : %1</translation>
    </message>
    <message>
        <source>copdesk — %1</source>
        <translation>copdesk — %1</translation>
    </message>
    <message>
        <source>Loading the demo content…</source>
        <translation>Chargement du contenu de démonstration…</translation>
    </message>
    <message>
        <source>Another operation is running.</source>
        <translation>Une autre opération est en cours.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Search index rebuilt: %1 items.</source>
        <translation>Index de recherche reconstruit : %1 éléments.</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>Reconstruction de l&apos;index de recherche…</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>Erreur interne : %1</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>The language changes once the operation under way ends.</source>
        <translation>La langue changera une fois l&apos;opération en cours terminée.</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>Mark “%1”</source>
        <translation>Marquer « %1 »</translation>
    </message>
    <message>
        <source>Where or how (optional): “on press P7”</source>
        <translation>Où ou comment (facultatif) : « sur la presse P7 »</translation>
    </message>
    <message>
        <source>Marks show the authors and animators that this knowledge is reused; each carries this site and today&apos;s date.</source>
        <translation>Ces marques montrent aux auteurs et aux animateurs que ce savoir est réutilisé ; chacune porte ce site et la date du jour.</translation>
    </message>
    <message>
        <source>Already marked by you: %1 (marking again keeps one mark).</source>
        <translation>Déjà marqué par vous : %1 (marquer à nouveau garde une seule marque).</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Marquer</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Export to CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Double-click a cell, or press Enter, F2 or Space on it, to rate the person.</source>
        <translation>Double-cliquez sur une case, ou appuyez sur Entrée, F2 ou Espace, pour évaluer la personne.</translation>
    </message>
    <message>
        <source>Skills matrix</source>
        <translation>Matrice des compétences</translation>
    </message>
    <message>
        <source>People in rows, skills in columns; Enter, F2 or Space rates the cell.</source>
        <translation>Les personnes en lignes, les compétences en colonnes ; Entrée, F2 ou Espace évalue la case.</translation>
    </message>
    <message>
        <source>◔ I in training · ◑ L with supervision · ◕ U autonomous · ● O expert · crossed: expired · orange dot: expires within 60 days · red column: nobody autonomous · orange: a single holder</source>
        <translation>◔ I en formation · ◑ L sous supervision · ◕ U autonome · ● O expert · barré : expiré · point orange : expire sous 60 jours · colonne rouge : personne d&apos;autonome · orange : un seul détenteur</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>Toutes les communautés</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Tous les domaines</translation>
    </message>
    <message>
        <source>%1 people, %2 skills: %3 without an autonomous holder, %4 with only one.</source>
        <translation>%1 personnes, %2 compétences : %3 sans détenteur autonome, %4 avec un seul.</translation>
    </message>
    <message>
        <source>Rating recorded: %1 on %2, %3.</source>
        <translation>Évaluation enregistrée : %1 en %2, %3.</translation>
    </message>
    <message>
        <source>Export the skills matrix</source>
        <translation>Exporter la matrice des compétences</translation>
    </message>
    <message>
        <source>skills-matrix.csv</source>
        <translation>matrice-competences.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>grey corner: self-assessed · red ?: not recognised here</source>
        <translation>coin gris : auto-évaluation · ? rouge : non reconnue ici</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Change the role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Selected:</source>
        <translation>Sélection :</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Membres de %1</translation>
    </message>
    <message>
        <source>Who belongs to %1, and their role.</source>
        <translation>Qui fait partie de %1, et avec quel rôle.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Add a person:</source>
        <translation>Ajouter une personne :</translation>
    </message>
    <message>
        <source>Roles of %1</source>
        <translation>Rôles de %1</translation>
    </message>
    <message>
        <source>The communities %1 belongs to, and the role in each.</source>
        <translation>Les communautés dont %1 fait partie, et son rôle dans chacune.</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Add to a community:</source>
        <translation>Ajouter à une communauté :</translation>
    </message>
    <message>
        <source>Choose someone (or a community) from the list first.</source>
        <translation>Choisissez d&apos;abord quelqu&apos;un (ou une communauté) dans la liste.</translation>
    </message>
    <message>
        <source>Remove a member</source>
        <translation>Retirer un membre</translation>
    </message>
    <message>
        <source>Remove %1 from %2?</source>
        <translation>Retirer %1 de %2 ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>The membership keeps its history; %1 can be added again.</source>
        <translation>L&apos;adhésion garde son historique ; %1 pourra être ajouté(e) à nouveau.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New experience report</source>
        <translation>&amp;Nouveau retour d&apos;expérience</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>E&amp;xporter en PDF…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Search everywhere</source>
        <translation>&amp;Rechercher partout</translation>
    </message>
    <message>
        <source>Rebuild the search &amp;index</source>
        <translation>Reconstruire l&apos;&amp;index de recherche</translation>
    </message>
    <message>
        <source>Rebuild the search index from the database (in the background)</source>
        <translation>Reconstruire l&apos;index de recherche à partir de la base (en arrière-plan)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <source>&amp;Communities</source>
        <translation>&amp;Communautés</translation>
    </message>
    <message>
        <source>&amp;Experience reports</source>
        <translation>&amp;Retours d&apos;expérience</translation>
    </message>
    <message>
        <source>&amp;Know-how sheets</source>
        <translation>&amp;Fiches savoir-faire</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personnes</translation>
    </message>
    <message>
        <source>S&amp;kills</source>
        <translation>Co&amp;mpétences</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>É&amp;changes</translation>
    </message>
    <message>
        <source>Rena&amp;me this site…</source>
        <translation>Reno&amp;mmer ce site…</translation>
    </message>
    <message>
        <source>Change the name other sites know this one by</source>
        <translation>Changer le nom sous lequel les autres sites connaissent celui-ci</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>Back to what you read before (Alt+Left, mouse back button)</source>
        <translation>Revenir à ce que vous lisiez avant (Alt+Gauche, bouton Précédent de la souris)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Larger text in the reading pane and the lists</source>
        <translation>Texte plus grand dans le volet de lecture et les listes</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>Taille &amp;réelle</translation>
    </message>
    <message>
        <source>Reset the &amp;layout</source>
        <translation>Rétablir la &amp;disposition</translation>
    </message>
    <message>
        <source>Give the sidebar, the list and the reading pane their default widths</source>
        <translation>Redonner à la barre latérale, à la liste et au volet de lecture leurs largeurs par défaut</translation>
    </message>
    <message>
        <source>&amp;My contributions</source>
        <translation>&amp;Mes contributions</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About copdesk</source>
        <translation>À &amp;propos de copdesk</translation>
    </message>
    <message>
        <source>Open an experience report or know-how sheet first.</source>
        <translation>Ouvrez d&apos;abord un retour d&apos;expérience ou une fiche savoir-faire.</translation>
    </message>
    <message>
        <source>Only experience reports and know-how sheets can be printed.</source>
        <translation>Seuls les retours d&apos;expérience et les fiches savoir-faire peuvent être imprimés.</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>Élé&amp;ment</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge the versions of %1</source>
        <translation>Fusionner les versions de %1</translation>
    </message>
    <message>
        <source>Take from…</source>
        <translation>Reprendre de…</translation>
    </message>
    <message>
        <source>Fields you leave as they are keep the shown version&apos;s value (from %1).</source>
        <translation>Les champs laissés tels quels gardent la valeur de la version affichée (de %1).</translation>
    </message>
    <message>
        <source>Resolve with this</source>
        <translation>Résoudre ainsi</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1 doit être un nombre entier</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Show shared skills and communities</source>
        <translation>Afficher compétences et communautés partagées</translation>
    </message>
    <message>
        <source>Dotted lines: people who could talk (same skills or communities)</source>
        <translation>Pointillés : des personnes qui pourraient échanger (mêmes compétences ou communautés)</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Colour: working group · large ringed circle: a bridge between sites, communities or groups · thicker line: more work together · bottom row: no work tie · click a person to open them</source>
        <translation>Couleur : groupe de travail · grand cercle cerclé : un pont entre sites, communautés ou groupes · trait épais : plus de travail en commun · rangée du bas : aucun lien de travail · cliquez sur une personne pour l&apos;ouvrir</translation>
    </message>
    <message>
        <source>Bridges (%1)</source>
        <translation>Ponts (%1)</translation>
    </message>
    <message>
        <source>Isolated (%1)</source>
        <translation>Isolés (%1)</translation>
    </message>
    <message>
        <source>Who should meet (%1)</source>
        <translation>Qui devrait se rencontrer (%1)</translation>
    </message>
    <message>
        <source>Candidates (%1)</source>
        <translation>Candidates (%1)</translation>
    </message>
    <message>
        <source>People who link sites, communities or working groups</source>
        <translation>Personnes qui relient des sites, des communautés ou des groupes de travail</translation>
    </message>
    <message>
        <source>People without a work tie, and sites without a tie to another site</source>
        <translation>Personnes sans lien de travail, et sites sans lien avec un autre site</translation>
    </message>
    <message>
        <source>People at different sites who share a topic but never worked together</source>
        <translation>Personnes de sites différents qui partagent un sujet sans avoir jamais travaillé ensemble</translation>
    </message>
    <message>
        <source>Candidate communities: groups working together on a theme no community covers</source>
        <translation>Communautés candidates : des groupes qui travaillent ensemble sur un thème qu&apos;aucune communauté ne couvre</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>Toutes les communautés</translation>
    </message>
    <message>
        <source>%1 people, %2 work ties, %3 working groups, %4 bridges, %5 without a tie.</source>
        <translation>%1 personnes, %2 liens de travail, %3 groupes de travail, %4 ponts, %5 sans lien.</translation>
    </message>
    <message>
        <source>no site</source>
        <translation>sans site</translation>
    </message>
    <message>
        <source>%1 work ties</source>
        <translation>%1 liens de travail</translation>
    </message>
    <message>
        <source>a bridge</source>
        <translation>un pont</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message>
        <source>%1 and %2, on %3</source>
        <translation>%1 et %2, sur %3</translation>
    </message>
    <message>
        <source>Click to open %1</source>
        <translation>Cliquez pour ouvrir %1</translation>
    </message>
    <message>
        <source>No bridge: nobody links sites, communities or groups.</source>
        <translation>Aucun pont : personne ne relie des sites, des communautés ou des groupes.</translation>
    </message>
    <message>
        <source>Nobody is isolated.</source>
        <translation>Personne n&apos;est isolé.</translation>
    </message>
    <message>
        <source>No suggestion: no pair across sites shares a topic.</source>
        <translation>Aucune suggestion : aucune paire de sites différents ne partage un sujet.</translation>
    </message>
    <message>
        <source>No candidate: existing communities cover every group.</source>
        <translation>Aucune candidate : les communautés existantes couvrent tous les groupes.</translation>
    </message>
</context>
<context>
    <name>OnePane</name>
    <message>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <source>The list or page, in place of the item (Alt+Left)</source>
        <translation>La liste ou la page, à la place de l’élément (Alt+Gauche)</translation>
    </message>
</context>
<context>
    <name>OperationBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PdfWindow</name>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>sur %1</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Name administrator</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <source>Set or change the PIN…</source>
        <translation>Définir ou changer le code PIN…</translation>
    </message>
    <message>
        <source>Administrators trust sites, name administrators and set PINs.</source>
        <translation>Les administrateurs approuvent les sites, nomment les administrateurs et définissent les codes PIN.</translation>
    </message>
    <message>
        <source>PINs (people who set one are asked for it):</source>
        <translation>Codes PIN (il est demandé à qui en a défini un) :</translation>
    </message>
    <message>
        <source>has a PIN</source>
        <translation>a un code PIN</translation>
    </message>
    <message>
        <source>no PIN</source>
        <translation>pas de code PIN</translation>
    </message>
    <message>
        <source>Remove an administrator</source>
        <translation>Retirer un administrateur</translation>
    </message>
    <message>
        <source>%1 will no longer administer this site.</source>
        <translation>%1 n&apos;administrera plus ce site.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>PersonSwitch</name>
    <message>
        <source>Who is writing on this computer (new items are signed so)</source>
        <translation>Qui écrit sur ce poste (les nouveaux éléments sont signés ainsi)</translation>
    </message>
    <message>
        <source>Writing as: nobody</source>
        <translation>Écrit en tant que : personne</translation>
    </message>
    <message>
        <source>Writing as: %1</source>
        <translation>Écrit en tant que : %1</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>This needs the PIN of %1 (who is writing on this computer).</source>
        <translation>Il faut le code PIN de %1 (qui écrit sur cet ordinateur).</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>Code PIN :</translation>
    </message>
    <message>
        <source>Type the PIN first.</source>
        <translation>Tapez d&apos;abord le code PIN.</translation>
    </message>
</context>
<context>
    <name>PrintSheet</name>
    <message>
        <source>Author: %1</source>
        <translation>Auteur : %1</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>Mis à jour le %1</translation>
    </message>
    <message>
        <source>Ref. %1</source>
        <translation>Réf. %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>CHANGED SINCE ITS VALIDATION</source>
        <translation>MODIFIÉ DEPUIS SA VALIDATION</translation>
    </message>
    <message>
        <source>OBSOLETE — DO NOT APPLY</source>
        <translation>OBSOLÈTE — NE PAS APPLIQUER</translation>
    </message>
    <message>
        <source>NOT VALIDATED</source>
        <translation>NON VALIDÉ</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>Print the sheet</source>
        <translation>Imprimer la fiche</translation>
    </message>
</context>
<context>
    <name>QuestionsView</name>
    <message>
        <source>All communities</source>
        <translation>Toutes les communautés</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Ouvertes seulement</translation>
    </message>
    <message>
        <source>Ask a question…</source>
        <translation>Poser une question…</translation>
    </message>
    <message>
        <source>Ask a question (Ctrl+Shift+Q)</source>
        <translation>Poser une question (Ctrl+Maj+Q)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Posée par</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Posée le</translation>
    </message>
    <message>
        <source>1 question</source>
        <translation>1 question</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>%1 questions</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>Rate a skill</source>
        <translation>Évaluer une compétence</translation>
    </message>
    <message>
        <source>No particular wish</source>
        <translation>Pas de souhait particulier</translation>
    </message>
    <message>
        <source>Wants to learn</source>
        <translation>Souhaite apprendre</translation>
    </message>
    <message>
        <source>Wants to teach</source>
        <translation>Souhaite transmettre</translation>
    </message>
    <message>
        <source>Certifications expire: the last day it is valid</source>
        <translation>Les habilitations expirent : dernier jour de validité</translation>
    </message>
    <message>
        <source>What was observed, or the certificate</source>
        <translation>Ce qui a été observé, ou l&apos;attestation</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intérêt</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Unknown level.</source>
        <translation>Niveau inconnu.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Select an item to read it here.</source>
        <translation>Sélectionnez un élément pour le lire ici.</translation>
    </message>
</context>
<context>
    <name>ReplaceFileDialog</name>
    <message>
        <source>Replace a file of “%1”</source>
        <translation>Remplacer un fichier de « %1 »</translation>
    </message>
    <message>
        <source>e.g. rev. C (optional)</source>
        <translation>p. ex. rév. C (facultatif)</translation>
    </message>
    <message>
        <source>The new file takes the old one&apos;s place; the old one stays in the item&apos;s history, and its text can be compared with the new one&apos;s.</source>
        <translation>Le nouveau fichier prend la place de l&apos;ancien ; l&apos;ancien reste dans l&apos;historique de l&apos;élément, et son texte peut être comparé à celui du nouveau.</translation>
    </message>
    <message>
        <source>Choose the new file…</source>
        <translation>Choisir le nouveau fichier…</translation>
    </message>
    <message>
        <source>The file to replace:</source>
        <translation>Le fichier à remplacer :</translation>
    </message>
    <message>
        <source>The document&apos;s new version:</source>
        <translation>La nouvelle version du document :</translation>
    </message>
    <message>
        <source>Choose the file to replace first.</source>
        <translation>Choisissez d&apos;abord le fichier à remplacer.</translation>
    </message>
    <message>
        <source>The new version of %1</source>
        <translation>La nouvelle version de %1</translation>
    </message>
</context>
<context>
    <name>RisksView</name>
    <message>
        <source>Export to CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Knowledge at risk: what to capitalise first</source>
        <translation>Savoirs en danger : ce qu&apos;il faut capitaliser d&apos;abord</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Single holder at a site</source>
        <translation>Détenteur unique sur un site</translation>
    </message>
    <message>
        <source>Single holder</source>
        <translation>Détenteur unique</translation>
    </message>
    <message>
        <source>No holder at a site</source>
        <translation>Aucun détenteur sur un site</translation>
    </message>
    <message>
        <source>No holder</source>
        <translation>Aucun détenteur</translation>
    </message>
    <message>
        <source>Rating expiring</source>
        <translation>Évaluation qui expire</translation>
    </message>
    <message>
        <source>Expert who wrote nothing</source>
        <translation>Expert qui n&apos;a rien écrit</translation>
    </message>
    <message>
        <source>No know-how sheet</source>
        <translation>Aucune fiche savoir-faire</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>all sites</source>
        <translation>tous les sites</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <source>Knowledge at risk</source>
        <translation>Savoirs en danger</translation>
    </message>
    <message>
        <source>Highest score first: a skill held by one person that no know-how sheet covers comes first. Click a line to open the skill.</source>
        <translation>Score le plus élevé d&apos;abord : une compétence détenue par une seule personne et qu&apos;aucune fiche savoir-faire ne couvre passe en premier. Cliquez sur une ligne pour ouvrir la compétence.</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>%1 lines; %2 skills rest on a single person.</source>
        <translation>%1 lignes ; %2 compétences reposent sur une seule personne.</translation>
    </message>
    <message>
        <source>Export the knowledge at risk</source>
        <translation>Exporter les savoirs en danger</translation>
    </message>
    <message>
        <source>knowledge-at-risk.csv</source>
        <translation>savoirs-en-danger.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <source>Known sites</source>
        <translation>Sites connus</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Empreinte de la clé</translation>
    </message>
    <message>
        <source>Last in</source>
        <translation>Dernier reçu</translation>
    </message>
    <message>
        <source>Last out</source>
        <translation>Dernier envoyé</translation>
    </message>
    <message>
        <source>To send</source>
        <translation>À envoyer</translation>
    </message>
    <message>
        <source>Trust…</source>
        <translation>Faire confiance…</translation>
    </message>
    <message>
        <source>Trust from a bundle…</source>
        <translation>Faire confiance d&apos;après un paquet…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>de confiance</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>non approuvé</translation>
    </message>
    <message>
        <source>Conflicts (%1)…</source>
        <translation>Conflits (%1)…</translation>
    </message>
    <message>
        <source>Trust the site that signed a bundle</source>
        <translation>Faire confiance au site qui a signé un paquet</translation>
    </message>
    <message>
        <source>copdesk bundles (*%1);;All files (*)</source>
        <translation>Paquets d&apos;échange copdesk (*%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Revoke a site</source>
        <translation>Révoquer un site</translation>
    </message>
    <message>
        <source>Refuse bundles from %1 from now on? What came before stays.</source>
        <translation>Refuser désormais les paquets de %1 ? Ce qui a déjà été reçu reste.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Searching for “%1”…</source>
        <translation>Recherche de « %1 »…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>About %2 results for “%1”</source>
        <translation>Environ %2 résultats pour « %1 »</translation>
    </message>
    <message>
        <source>1 result for “%1”</source>
        <translation>1 résultat pour « %1 »</translation>
    </message>
    <message>
        <source>%2 results for “%1”</source>
        <translation>%2 résultats pour « %1 »</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation>Vouliez-vous dire</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>The search index is behind and cannot catch up here (read-only): %1 changed items are not searchable.</source>
        <translation>L&apos;index de recherche est en retard et ne peut pas se mettre à jour ici (lecture seule) : %1 éléments modifiés ne sont pas cherchables.</translation>
    </message>
    <message>
        <source>This read-only workspace has no usable search index: none of its %1 items can be found.</source>
        <translation>Cet espace en lecture seule n&apos;a pas d&apos;index de recherche utilisable : aucun de ses %1 éléments ne peut être trouvé.</translation>
    </message>
    <message>
        <source>The search index is catching up: %1 changed items are not searchable yet.</source>
        <translation>L&apos;index de recherche se met à jour : %1 éléments modifiés ne sont pas encore cherchables.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Type de fichier</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>PIN of %1</source>
        <translation>Code PIN de %1</translation>
    </message>
    <message>
        <source>%1 has a PIN. Type a new one twice to change it, or remove it.</source>
        <translation>%1 a un code PIN. Tapez-en un nouveau deux fois pour le changer, ou retirez-le.</translation>
    </message>
    <message>
        <source>%1 has no PIN yet. With one, actions %1 may take by role ask for it on this computer (at least 4 characters: digits or a passphrase).</source>
        <translation>%1 n&apos;a pas encore de code PIN. Avec un code, les actions que %1 peut faire grâce à son rôle le demanderont sur cet ordinateur (au moins 4 caractères : chiffres ou phrase de passe).</translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation>Définir le code PIN</translation>
    </message>
    <message>
        <source>Remove the PIN</source>
        <translation>Retirer le code PIN</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>Nouveau code PIN :</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Encore une fois :</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>Les deux codes diffèrent : tapez deux fois le même code PIN.</translation>
    </message>
    <message>
        <source>Type the new PIN twice.</source>
        <translation>Tapez deux fois le nouveau code PIN.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The window changes to the new language at once.</source>
        <translation>La fenêtre passe aussitôt dans la nouvelle langue.</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l&apos;interface :</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Already answered?</source>
        <translation>Déjà répondu ?</translation>
    </message>
    <message>
        <source>Already known?</source>
        <translation>Déjà connu ?</translation>
    </message>
    <message>
        <source>Questions already answered that look like yours.</source>
        <translation>Des questions déjà résolues qui ressemblent à la vôtre.</translation>
    </message>
    <message>
        <source>Type a title and the facts: similar items appear here.</source>
        <translation>Tapez un titre et les faits : les éléments semblables apparaissent ici.</translation>
    </message>
    <message>
        <source>Nothing similar.</source>
        <translation>Rien de semblable.</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Key fingerprint</source>
        <translation>Empreinte de la clé</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>Nouvelle clé…</translation>
    </message>
    <message>
        <source>Replace a lost key…</source>
        <translation>Remplacer une clé perdue…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Holds:</source>
        <translation>Contient :</translation>
    </message>
    <message>
        <source>This site&apos;s keys (its bundles are signed with the current one):</source>
        <translation>Les clés de ce site (ses paquets sont signés avec l&apos;actuelle) :</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>en ordre</translation>
    </message>
    <message>
        <source>restored from a backup</source>
        <translation>restauré depuis une sauvegarde</translation>
    </message>
    <message>
        <source>a copy: it must become a site of its own or stay read-only</source>
        <translation>une copie : elle doit devenir un site à part entière ou rester en lecture seule</translation>
    </message>
    <message>
        <source>a read-only copy</source>
        <translation>une copie en lecture seule</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actuelle</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoquée</translation>
    </message>
    <message>
        <source>older</source>
        <translation>ancienne</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Nouvelle clé</translation>
    </message>
    <message>
        <source>Give this site a new key?</source>
        <translation>Donner une nouvelle clé à ce site ?</translation>
    </message>
    <message>
        <source>The new key is announced with the old one: sites that trust this one follow by themselves. Do it when the old key may have been copied.</source>
        <translation>La nouvelle clé est annoncée avec l&apos;ancienne : les sites qui font confiance à celui-ci suivent d&apos;eux-mêmes. À faire quand l&apos;ancienne clé a pu être copiée.</translation>
    </message>
    <message>
        <source>Replace a lost key</source>
        <translation>Remplacer une clé perdue</translation>
    </message>
    <message>
        <source>Replace this site&apos;s key as lost or stolen?</source>
        <translation>Remplacer la clé de ce site, perdue ou volée ?</translation>
    </message>
    <message>
        <source>Replace the key</source>
        <translation>Remplacer la clé</translation>
    </message>
    <message>
        <source>The old key is revoked: every other site must trust the new key again, after comparing its fingerprint by phone.</source>
        <translation>L&apos;ancienne clé est révoquée : chaque autre site doit approuver la nouvelle clé, après avoir comparé son empreinte par téléphone.</translation>
    </message>
    <message>
        <source>Revoke a key</source>
        <translation>Révoquer une clé</translation>
    </message>
    <message>
        <source>Revoke the key %1?</source>
        <translation>Révoquer la clé %1 ?</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Revisions signed with it after now are refused by every site.</source>
        <translation>Les révisions signées avec elle à partir de maintenant sont refusées par tous les sites.</translation>
    </message>
</context>
<context>
    <name>SiteSettingsDialog</name>
    <message>
        <source>Site settings</source>
        <translation>Paramètres du site</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Administrators and PINs</source>
        <translation>Administrateurs et codes PIN</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
</context>
<context>
    <name>SkillsMatrix</name>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>expire</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>U/O skills</source>
        <translation>Compétences U/O</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Autonomous holders (U/O)</source>
        <translation>Détenteurs autonomes (U/O)</translation>
    </message>
    <message>
        <source>No autonomous holder: this know-how is not covered.</source>
        <translation>Aucun détenteur autonome : ce savoir-faire n&apos;est pas couvert.</translation>
    </message>
    <message>
        <source>Single autonomous holder (%1): a risk.</source>
        <translation>Un seul détenteur autonome (%1) : un risque.</translation>
    </message>
    <message>
        <source>Autonomous holders: %1</source>
        <translation>Détenteurs autonomes : %1</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>non évalué</translation>
    </message>
    <message>
        <source>wants to learn</source>
        <translation>souhaite apprendre</translation>
    </message>
    <message>
        <source>wants to teach</source>
        <translation>souhaite transmettre</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>expirée le %1</translation>
    </message>
    <message>
        <source>expires on %1</source>
        <translation>expire le %1</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>valide jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>assessed on %1</source>
        <translation>évaluée le %1</translation>
    </message>
    <message>
        <source>People at level 3 or 4 with a valid rating</source>
        <translation>Personnes au niveau 3 ou 4 avec une évaluation valide</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Demo content loaded.</source>
        <translation>Contenu de démonstration chargé.</translation>
    </message>
    <message>
        <source>Rename this site</source>
        <translation>Renommer ce site</translation>
    </message>
    <message>
        <source>New name of this site (other sites learn it from the next bundle):</source>
        <translation>Nouveau nom de ce site (les autres sites l&apos;apprennent avec le prochain paquet) :</translation>
    </message>
    <message>
        <source>This site is now called %1.</source>
        <translation>Ce site s&apos;appelle désormais %1.</translation>
    </message>
    <message>
        <source>Text typed but not saved was kept: %1. Open it to save it?</source>
        <translation>Un texte saisi mais non enregistré a été conservé : %1. L&apos;ouvrir pour l&apos;enregistrer ?</translation>
    </message>
    <message>
        <source>%2 texts typed but not saved were kept: %1. Open them to save them?</source>
        <translation>%2 textes saisis mais non enregistrés ont été conservés : %1. Les ouvrir pour les enregistrer ?</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Shared folder</source>
        <translation>Dossier partagé</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier : %1</translation>
    </message>
    <message>
        <source>No shared folder yet: choose one that the other sites also reach.</source>
        <translation>Pas encore de dossier partagé : choisissez-en un que les autres sites atteignent aussi.</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated, %4 in conflict</source>
        <translation>%1 : %2 nouveaux, %3 mis à jour, %4 en conflit</translation>
    </message>
    <message>
        <source>No new bundle from other sites.</source>
        <translation>Aucun nouveau paquet des autres sites.</translation>
    </message>
    <message>
        <source>This site&apos;s bundle: %1 revisions.</source>
        <translation>Paquet de ce site : %1 révisions.</translation>
    </message>
    <message>
        <source>Cancelled: the bundles already imported stay.</source>
        <translation>Annulé : les paquets déjà importés restent.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>&amp;Ask a question…</source>
        <translation>P&amp;oser une question…</translation>
    </message>
    <message>
        <source>Ask a community, or the whole site (Ctrl+Shift+Q)</source>
        <translation>Interroger une communauté, ou tout le site (Ctrl+Maj+Q)</translation>
    </message>
    <message>
        <source>Validate &amp;again</source>
        <translation>Valider à &amp;nouveau</translation>
    </message>
    <message>
        <source>It changed since its validation: validate this version</source>
        <translation>Il a changé depuis sa validation : valider cette version</translation>
    </message>
    <message>
        <source>Mark &amp;obsolete…</source>
        <translation>Déclarer &amp;obsolète…</translation>
    </message>
    <message>
        <source>No longer to be applied (its history stays)</source>
        <translation>À ne plus appliquer (son historique reste)</translation>
    </message>
    <message>
        <source>&amp;Who knows…</source>
        <translation>&amp;Qui sait…</translation>
    </message>
    <message>
        <source>People ranked for a topic, with the reasons</source>
        <translation>Les personnes classées pour un sujet, avec les raisons</translation>
    </message>
    <message>
        <source>&amp;Glossary…</source>
        <translation>&amp;Glossaire…</translation>
    </message>
    <message>
        <source>Synonyms and acronyms applied to searches</source>
        <translation>Synonymes et sigles appliqués aux recherches</translation>
    </message>
    <message>
        <source>Show &amp;deleted items</source>
        <translation>Afficher les éléments &amp;supprimés</translation>
    </message>
    <message>
        <source>List deleted items (restore one from its history)</source>
        <translation>Lister les éléments supprimés (en restaurer un depuis son historique)</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Questions</translation>
    </message>
    <message>
        <source>Load the &amp;demo content…</source>
        <translation>Charger le contenu de &amp;démonstration…</translation>
    </message>
    <message>
        <source>Add the built-in demo content to this workspace</source>
        <translation>Ajouter le contenu de démonstration intégré à cet espace de travail</translation>
    </message>
    <message>
        <source>&amp;Import a register (CSV)…</source>
        <translation>Importer un &amp;registre (CSV)…</translation>
    </message>
    <message>
        <source>Rows of a spreadsheet become reports, sheets, people…</source>
        <translation>Les lignes d&apos;un tableur deviennent des retours, des fiches, des personnes…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>A consistent copy of the workspace in a folder</source>
        <translation>Une copie cohérente de l&apos;espace de travail dans un dossier</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Restaurer une sauve&amp;garde…</translation>
    </message>
    <message>
        <source>Put a backup of this site in place (the current one is kept)</source>
        <translation>Remettre en place une sauvegarde de ce site (l&apos;actuelle est gardée)</translation>
    </message>
    <message>
        <source>&amp;Check the database</source>
        <translation>&amp;Vérifier la base</translation>
    </message>
    <message>
        <source>Verify the database, revisions and attachments</source>
        <translation>Vérifier la base, les révisions et les pièces jointes</translation>
    </message>
    <message>
        <source>Repair the &amp;database…</source>
        <translation>Rép&amp;arer la base…</translation>
    </message>
    <message>
        <source>&amp;My PIN…</source>
        <translation>Mon &amp;code PIN…</translation>
    </message>
    <message>
        <source>Site settin&amp;gs…</source>
        <translation>Paramètres du si&amp;te…</translation>
    </message>
    <message>
        <source>Rebuild a damaged database (the old file is kept)</source>
        <translation>Reconstruire une base endommagée (l&apos;ancien fichier est gardé)</translation>
    </message>
    <message>
        <source>Set, change or remove the PIN that proves it is you</source>
        <translation>Définir, changer ou retirer le code PIN qui prouve que c&apos;est vous</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>Verro&amp;uiller</translation>
    </message>
    <message>
        <source>Forget the PINs given: the next privileged action asks again</source>
        <translation>Oublier les codes PIN donnés : la prochaine action réservée les redemande</translation>
    </message>
    <message>
        <source>This site, its keys, administrators, PINs, this computer</source>
        <translation>Ce site, ses clés, ses administrateurs, les codes PIN, cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Commenter…</translation>
    </message>
    <message>
        <source>Add a comment to this item</source>
        <translation>Ajouter un commentaire à cet élément</translation>
    </message>
    <message>
        <source>This &amp;helped me…</source>
        <translation>Cela m&apos;a &amp;aidé…</translation>
    </message>
    <message>
        <source>Say this knowledge helped you (the authors see it)</source>
        <translation>Dire que ce savoir vous a aidé (les auteurs le voient)</translation>
    </message>
    <message>
        <source>A&amp;pplied here…</source>
        <translation>A&amp;ppliqué ici…</translation>
    </message>
    <message>
        <source>Say where this knowledge was applied</source>
        <translation>Dire où ce savoir a été appliqué</translation>
    </message>
    <message>
        <source>&amp;Links…</source>
        <translation>&amp;Liens…</translation>
    </message>
    <message>
        <source>Link this item to another, or remove a link</source>
        <translation>Lier cet élément à un autre, ou retirer un lien</translation>
    </message>
    <message>
        <source>A&amp;ttach a file…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <source>Attach photos or documents to this item</source>
        <translation>Joindre des photos ou des documents à cet élément</translation>
    </message>
    <message>
        <source>&amp;Replace a file…</source>
        <translation>R&amp;emplacer un fichier…</translation>
    </message>
    <message>
        <source>A new version of one of this item&apos;s files (the old one stays in its history)</source>
        <translation>Une nouvelle version d&apos;un des fichiers de cet élément (l&apos;ancien reste dans son historique)</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Every version, side by side, restore one</source>
        <translation>Toutes les versions, côte à côte, en restaurer une</translation>
    </message>
    <message>
        <source>&amp;Members and roles…</source>
        <translation>&amp;Membres et rôles…</translation>
    </message>
    <message>
        <source>Who belongs to this community, or this person&apos;s roles</source>
        <translation>Qui fait partie de cette communauté, ou les rôles de cette personne</translation>
    </message>
    <message>
        <source>&amp;Join this community</source>
        <translation>&amp;Rejoindre cette communauté</translation>
    </message>
    <message>
        <source>Become a member of this community</source>
        <translation>Devenir membre de cette communauté</translation>
    </message>
    <message>
        <source>Lea&amp;ve this community…</source>
        <translation>&amp;Quitter cette communauté…</translation>
    </message>
    <message>
        <source>Stop being a member of this community</source>
        <translation>Ne plus être membre de cette communauté</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete this item (its history stays; restore it from there)</source>
        <translation>Supprimer cet élément (son historique reste ; le restaurer depuis celui-ci)</translation>
    </message>
    <message>
        <source>Please write something first.</source>
        <translation>Écrivez d&apos;abord quelque chose.</translation>
    </message>
    <message>
        <source>Open an item first.</source>
        <translation>Ouvrez d&apos;abord un élément.</translation>
    </message>
    <message>
        <source>This item is deleted: restore it from its history.</source>
        <translation>Cet élément est supprimé : restaurez-le depuis son historique.</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commenter</translation>
    </message>
    <message>
        <source>Your comment on “%1” (signed with your name):</source>
        <translation>Votre commentaire sur « %1 » (signé de votre nom) :</translation>
    </message>
    <message>
        <source>Write the comment first: an empty one is not added.</source>
        <translation>Écrivez d&apos;abord le commentaire : un commentaire vide n&apos;est pas ajouté.</translation>
    </message>
    <message>
        <source>Add the comment</source>
        <translation>Ajouter le commentaire</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Commentaire ajouté.</translation>
    </message>
    <message>
        <source>Only reports, sheets and questions are marked.</source>
        <translation>Seuls les retours, les fiches et les questions se marquent.</translation>
    </message>
    <message>
        <source>Marked: this helped you.</source>
        <translation>Marqué : cela vous a aidé.</translation>
    </message>
    <message>
        <source>Marked: applied here.</source>
        <translation>Marqué : appliqué ici.</translation>
    </message>
    <message>
        <source>Attach files to “%1”</source>
        <translation>Joindre des fichiers à « %1 »</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>Joint : %1</translation>
    </message>
    <message>
        <source>This item has no file to replace: attach one.</source>
        <translation>Cet élément n&apos;a aucun fichier à remplacer : joignez-en un.</translation>
    </message>
    <message>
        <source>Replaced by %1; the old file stays in the history.</source>
        <translation>Remplacé par %1 ; l&apos;ancien fichier reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Linked.</source>
        <translation>Lié.</translation>
    </message>
    <message>
        <source>Link removed.</source>
        <translation>Lien retiré.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <source>Deleted. View ▸ Show deleted items lists it; restore it from its history.</source>
        <translation>Supprimé. Affichage ▸ Afficher les éléments supprimés le liste ; restaurez-le depuis son historique.</translation>
    </message>
    <message>
        <source>It leaves its list; its history stays, and any version can be restored.</source>
        <translation>Il quitte sa liste ; son historique reste, et toute version peut être restaurée.</translation>
    </message>
    <message>
        <source>Validated again: this version is the one vouched for.</source>
        <translation>Validé à nouveau : c&apos;est cette version qui est garantie.</translation>
    </message>
    <message>
        <source>Mark obsolete</source>
        <translation>Déclarer obsolète</translation>
    </message>
    <message>
        <source>“%1” will no longer be applied. Why? (kept as a comment; may stay empty)</source>
        <translation>« %1 » ne sera plus appliqué. Pourquoi ? (gardé en commentaire ; peut rester vide)</translation>
    </message>
    <message>
        <source>Marked obsolete.</source>
        <translation>Déclaré obsolète.</translation>
    </message>
    <message>
        <source>Links…</source>
        <translation>Liens…</translation>
    </message>
    <message>
        <source>Roles…</source>
        <translation>Rôles…</translation>
    </message>
    <message>
        <source>PIN…</source>
        <translation>Code PIN…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation>Valider à nouveau</translation>
    </message>
    <message>
        <source>Add a comment…</source>
        <translation>Ajouter un commentaire…</translation>
    </message>
    <message>
        <source>Open a community or a person first.</source>
        <translation>Ouvrez d&apos;abord une communauté ou une personne.</translation>
    </message>
    <message>
        <source>Open a community, and say who is writing, first.</source>
        <translation>Ouvrez d&apos;abord une communauté, et dites qui écrit.</translation>
    </message>
    <message>
        <source>You are a member now.</source>
        <translation>Vous êtes membre maintenant.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Leave “%1”?</source>
        <translation>Quitter « %1 » ?</translation>
    </message>
    <message>
        <source>You left the community.</source>
        <translation>Vous avez quitté la communauté.</translation>
    </message>
    <message>
        <source>Whose PIN? Say who is writing first.</source>
        <translation>Le code PIN de qui ? Dites d&apos;abord qui écrit.</translation>
    </message>
    <message>
        <source>PIN set for %1.</source>
        <translation>Code PIN défini pour %1.</translation>
    </message>
    <message>
        <source>PIN removed for %1.</source>
        <translation>Code PIN retiré pour %1.</translation>
    </message>
    <message>
        <source>Locked: the next privileged action asks for a PIN again.</source>
        <translation>Verrouillé : la prochaine action réservée redemandera un code PIN.</translation>
    </message>
    <message>
        <source>Nothing was done: the PIN of %1 was not given.</source>
        <translation>Rien n&apos;a été fait : le code PIN de %1 n&apos;a pas été donné.</translation>
    </message>
    <message>
        <source>damaged: nothing is written until it is repaired</source>
        <translation>endommagée : rien n&apos;est écrit avant réparation</translation>
    </message>
    <message>
        <source>a copy: read-only until you decide what it is</source>
        <translation>une copie : en lecture seule tant que vous n&apos;avez pas décidé</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>Restauré depuis une sauvegarde</translation>
    </message>
    <message>
        <source>This workspace was restored from a backup: it goes on under new numbers, and what it lost comes back with the other sites&apos; bundles.</source>
        <translation>Cet espace de travail a été restauré depuis une sauvegarde : il continue sous de nouveaux numéros, et ce qu&apos;il a perdu revient avec les paquets des autres sites.</translation>
    </message>
    <message>
        <source>This workspace is a copy: decide what it is to write here.</source>
        <translation>Cet espace de travail est une copie : décidez de ce qu&apos;il est pour y écrire.</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Décider…</translation>
    </message>
    <message>
        <source>This workspace is a read-only copy.</source>
        <translation>Cet espace de travail est une copie en lecture seule.</translation>
    </message>
    <message>
        <source>Site settings…</source>
        <translation>Paramètres du site…</translation>
    </message>
    <message>
        <source>This site has a new key.</source>
        <translation>Ce site a une nouvelle clé.</translation>
    </message>
    <message>
        <source>New key made: every other site must trust it again.</source>
        <translation>Nouvelle clé créée : chaque autre site doit l&apos;approuver à nouveau.</translation>
    </message>
    <message>
        <source>Key revoked.</source>
        <translation>Clé révoquée.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Vérification de la base…</translation>
    </message>
    <message>
        <source>Repairing the database…</source>
        <translation>Réparation de la base…</translation>
    </message>
    <message>
        <source>Importing the register…</source>
        <translation>Import du registre…</translation>
    </message>
    <message>
        <source>Back up the workspace to a folder</source>
        <translation>Sauvegarder l&apos;espace de travail dans un dossier</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Sauvegardé dans %1.</translation>
    </message>
    <message>
        <source>Daily backup written to %1.</source>
        <translation>Sauvegarde quotidienne écrite dans %1.</translation>
    </message>
    <message>
        <source>The daily backup to %1 failed: %2</source>
        <translation>La sauvegarde quotidienne dans %1 a échoué : %2</translation>
    </message>
    <message>
        <source>Daily backup to %1…</source>
        <translation>Sauvegarde quotidienne dans %1…</translation>
    </message>
    <message>
        <source>The backup folder to restore</source>
        <translation>Le dossier de sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>Restore the backup of %1 taken %2?</source>
        <translation>Restaurer la sauvegarde de %1 faite le %2 ?</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>What was written here since the backup is replaced; the current database is kept in the workspace&apos;s backups folder, and what other sites received comes back with their bundles.</source>
        <translation>Ce qui a été écrit ici depuis la sauvegarde est remplacé ; la base actuelle est gardée dans le dossier backups de l&apos;espace de travail, et ce que les autres sites ont reçu revient avec leurs paquets.</translation>
    </message>
    <message>
        <source>Restored. The previous database is kept as %1.</source>
        <translation>Restauré. La base précédente est gardée sous %1.</translation>
    </message>
    <message>
        <source>Repair the database</source>
        <translation>Réparer la base</translation>
    </message>
    <message>
        <source>Rebuild the database from its verified revisions?</source>
        <translation>Reconstruire la base à partir de ses révisions vérifiées ?</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Réparer</translation>
    </message>
    <message>
        <source>The damaged file is kept beside it; what could not be read comes back from the other sites&apos; bundles. The workspace is closed meanwhile.</source>
        <translation>Le fichier endommagé est gardé à côté ; ce qui n&apos;a pas pu être lu revient avec les paquets des autres sites. L&apos;espace de travail est fermé pendant ce temps.</translation>
    </message>
    <message>
        <source>Repaired: %1 revisions kept, %2 dropped.</source>
        <translation>Réparée : %1 révisions gardées, %2 écartées.</translation>
    </message>
    <message>
        <source>The database passed its check.</source>
        <translation>La base a passé sa vérification.</translation>
    </message>
    <message>
        <source>The database failed its check</source>
        <translation>La base a échoué à sa vérification</translation>
    </message>
    <message>
        <source>Problems found:
%1

File ▸ Repair the database rebuilds it.</source>
        <translation>Problèmes trouvés :
%1

Fichier ▸ Réparer la base la reconstruit.</translation>
    </message>
    <message>
        <source>The database failed its check: nothing is written until it is repaired.</source>
        <translation>La base a échoué à sa vérification : rien n&apos;est écrit avant sa réparation.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>Réparer…</translation>
    </message>
    <message>
        <source>Imported %1 rows; %2 refused.</source>
        <translation>%1 lignes importées ; %2 refusées.</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Lignes non importées</translation>
    </message>
    <message>
        <source>Deleted items: open one, then its history to restore it.</source>
        <translation>Éléments supprimés : ouvrez-en un, puis son historique pour le restaurer.</translation>
    </message>
    <message>
        <source>Nothing can be written here.</source>
        <translation>Rien ne peut être écrit ici.</translation>
    </message>
    <message>
        <source>Question asked.</source>
        <translation>Question posée.</translation>
    </message>
    <message>
        <source>Demo content loaded.</source>
        <translation>Contenu de démonstration chargé.</translation>
    </message>
    <message>
        <source>Load the demo content</source>
        <translation>Charger le contenu de démonstration</translation>
    </message>
    <message>
        <source>Add the built-in demo content to this workspace?</source>
        <translation>Ajouter le contenu de démonstration intégré à cet espace de travail ?</translation>
    </message>
    <message>
        <source>Load it</source>
        <translation>Le charger</translation>
    </message>
    <message>
        <source>Demo communities, people, reports and sheets are added (loading twice adds nothing); they are shared with other sites like any item.</source>
        <translation>Des communautés, personnes, retours et fiches de démonstration sont ajoutés (charger deux fois n&apos;ajoute rien) ; ils sont partagés avec les autres sites comme tout élément.</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>TrustBundleDialog</name>
    <message>
        <source>Trust the site that signed this bundle?</source>
        <translation>Faire confiance au site qui a signé ce paquet ?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is signed by &lt;b&gt;%2&lt;/b&gt; (site %3).&lt;/p&gt;&lt;p&gt;Key fingerprint:&lt;br&gt;&lt;tt style=&apos;font-size:13pt&apos;&gt;%4&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Call that site and compare: its Exchange view (or &lt;tt&gt;copdesk identity&lt;/tt&gt;) must show the same fingerprint. Trust it only if they match: its bundles will then be applied here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; est signé par &lt;b&gt;%2&lt;/b&gt; (site %3).&lt;/p&gt;&lt;p&gt;Empreinte de la clé :&lt;br&gt;&lt;tt style=&apos;font-size:13pt&apos;&gt;%4&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Appelez ce site et comparez : sa vue Échanges (ou &lt;tt&gt;copdesk identity&lt;/tt&gt;) doit afficher la même empreinte. Ne lui faites confiance que si elles sont identiques : ses paquets seront alors appliqués ici.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>They match: trust it</source>
        <translation>Identiques : faire confiance</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Trust a site</source>
        <translation>Faire confiance à un site</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Compare the key fingerprint with the other site (by phone) before trusting it.</source>
        <translation>Comparez l&apos;empreinte de la clé avec l&apos;autre site (par téléphone) avant de lui faire confiance.</translation>
    </message>
    <message>
        <source>Site id</source>
        <translation>Identifiant du site</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Empreinte de la clé</translation>
    </message>
    <message>
        <source>(paste the key)</source>
        <translation>(collez la clé)</translation>
    </message>
</context>
<context>
    <name>WhoKnowsDialog</name>
    <message>
        <source>Who knows…</source>
        <translation>Qui sait…</translation>
    </message>
    <message>
        <source>A topic: hydraulic accumulator, LOTO…</source>
        <translation>Un sujet : accumulateur hydraulique, consignation…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Nobody found for “%1”.</source>
        <translation>Personne trouvé pour « %1 ».</translation>
    </message>
</context>
<context>
    <name>_PersonPage</name>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>What you write here is signed with your name. The first person of a site administers it; on a shared computer, others switch in the status bar.</source>
        <translation>Ce que vous écrivez ici est signé de votre nom. La première personne d&apos;un site l&apos;administre ; sur un poste partagé, les autres changent dans la barre d&apos;état.</translation>
    </message>
    <message>
        <source>Your first and last name</source>
        <translation>Votre prénom et votre nom</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>e.g. Maintenance technician</source>
        <translation>p. ex. Technicien de maintenance</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Votre nom :</translation>
    </message>
    <message>
        <source>Job title (optional):</source>
        <translation>Fonction (facultatif) :</translation>
    </message>
    <message>
        <source>Pick one of the demo&apos;s people to try it as them, or type your name.</source>
        <translation>Choisissez une personne de la démonstration pour l&apos;essayer à sa place, ou tapez votre nom.</translation>
    </message>
    <message>
        <source>You can add the other people of the site later.</source>
        <translation>Vous pourrez ajouter les autres personnes du site plus tard.</translation>
    </message>
</context>
</TS>
