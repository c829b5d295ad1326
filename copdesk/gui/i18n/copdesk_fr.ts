<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <source>%1 answer(s)</source>
        <translation>%1 réponse(s)</translation>
    </message>
    <message>
        <source>Charter</source>
        <translation>Charte</translation>
    </message>
    <message>
        <source>No charter yet.</source>
        <translation>Pas encore de charte.</translation>
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
        <source>You can change the site name later; the language is the default for new items.</source>
        <translation>Vous pourrez changer le nom du site plus tard ; la langue est celle par défaut des nouveaux éléments.</translation>
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
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Fill in today&apos;s date</source>
        <translation>Mettre la date du jour</translation>
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
        <source>wants to learn</source>
        <translation>souhaite apprendre</translation>
    </message>
    <message>
        <source>wants to teach</source>
        <translation>souhaite transmettre</translation>
    </message>
    <message>
        <source>%1 skills, %2 autonomous or expert</source>
        <translation>%1 compétences, %2 autonome(s) ou expert(es)</translation>
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
        <source>experience report</source>
        <translation>retour d&apos;expérience</translation>
    </message>
    <message>
        <source>know-how sheet</source>
        <translation>fiche savoir-faire</translation>
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
        <source>Documents</source>
        <translation>Documents</translation>
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
        <source>Demo content loaded.</source>
        <translation>Contenu de démonstration chargé.</translation>
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
        <source>Double-click a cell to rate the person on the skill.</source>
        <translation>Double-cliquez sur une case pour évaluer la personne sur la compétence.</translation>
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
        <source>&amp;My contributions</source>
        <translation>&amp;Mes contributions</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
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
        <source>About copdesk</source>
        <translation>À propos de copdesk</translation>
    </message>
    <message>
        <source>copdesk %1 — experience reports, know-how sheets and skills for communities of practice.</source>
        <translation>copdesk %1 — retours d&apos;expérience, fiches savoir-faire et compétences pour les communautés de pratique.</translation>
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
    <name>PrintSheet</name>
    <message>
        <source>Near miss</source>
        <translation>Presque-accident</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Red — urgent</source>
        <translation>Rouge — urgent</translation>
    </message>
    <message>
        <source>Yellow — caution</source>
        <translation>Jaune — vigilance</translation>
    </message>
    <message>
        <source>Blue — information</source>
        <translation>Bleu — information</translation>
    </message>
    <message>
        <source>Green — good practice</source>
        <translation>Vert — bonne pratique</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validé</translation>
    </message>
    <message>
        <source>Obsolete</source>
        <translation>Obsolète</translation>
    </message>
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
        <source>Print the sheet</source>
        <translation>Imprimer la fiche</translation>
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
        <source>YYYY-MM-DD (certifications expire)</source>
        <translation>AAAA-MM-JJ (les habilitations expirent)</translation>
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
        <source>The validity must be a date as YYYY-MM-DD.</source>
        <translation>La validité doit être une date AAAA-MM-JJ.</translation>
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
        <source>File type</source>
        <translation>Type de fichier</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Mot-clé</translation>
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
        <source>The new language is used the next time copdesk starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de copdesk.</translation>
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
</context>
</TS>
