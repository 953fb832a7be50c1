Feature: Commenting
  A first-time reader replies to the first post.

  Scenario: Leave a comment on the first post
    Given I am a first-time customer on the home page
    When I follow "Hello world!"
    And I fill in "Comment *" with "Lovely first post, thank you!"
    And I fill in "Name *" with "Ada Reader"
    And I fill in "Email *" with "ada@reader.test"
    And I press "Post Comment"
    Then I should see "Your comment is awaiting moderation."
